// Command apikeys runs the key service.
package main

import (
	"database/sql"
	"log"
	"os"

	"github.com/labstack/echo/v4"

	"example.com/blind7/apikeys/internal/console"
	"example.com/blind7/apikeys/internal/keys"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	a := keys.New(keys.Config{OpsKey: os.Getenv("OPS_KEY"), MetricsKey: os.Getenv("METRICS_KEY"), InternalKey: []byte(os.Getenv("INTERNAL_KEY")), BasicUser: os.Getenv("BRIDGE_USER"), BasicPass: os.Getenv("BRIDGE_PASSWORD")}, db)
	e := echo.New()
	e.GET("/v1/keys", func(c echo.Context) error { return c.String(200, "[]") }, a.Customer)
	e.GET("/v2/keys", func(c echo.Context) error { return c.String(200, "[]") }, a.CustomerV2)
	e.GET("/ops/stats", func(c echo.Context) error { return c.String(200, "{}") }, a.Ops)
	e.GET("/metrics", func(c echo.Context) error { return c.String(200, "") }, a.Metrics)
	e.POST("/internal/rotate", func(c echo.Context) error { return c.NoContent(204) }, a.Internal)
	e.POST("/internal/v2/rotate", func(c echo.Context) error { return c.NoContent(204) }, a.InternalV2)
	e.POST("/bridge", func(c echo.Context) error { return c.NoContent(204) }, a.Basic)
	e.POST("/console/login", a.Login)
	e.POST("/console/password", a.ChangePassword)
	(&console.Console{}).Register(e)
	log.Fatal(e.Start(":8083"))
}
