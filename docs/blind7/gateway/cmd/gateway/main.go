// Command gateway runs the API gateway.
package main

import (
	"log"

	"github.com/gin-gonic/gin"

	"example.com/blind7/gateway/internal/legacy"
	"example.com/blind7/gateway/internal/web"
)

func main() {
	a := legacy.New(nil, nil)
	r := gin.New()
	v1 := r.Group("/v1", a.V1())
	v1.GET("/ping", func(c *gin.Context) { c.String(200, "pong") })
	r.Group("/internal", a.AdminOnly()).GET("/stats", func(c *gin.Context) { c.String(200, "{}") })
	(&web.Web{}).Register(r)
	log.Fatal(r.Run(":8082"))
}
