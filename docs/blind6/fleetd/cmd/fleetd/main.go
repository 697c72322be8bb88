package main

import (
	"database/sql"
	"log/slog"
	"net"
	"os"

	"example.com/blind6/fleetd/internal/devices"
	"example.com/blind6/fleetd/internal/portal"
	"example.com/blind6/fleetd/internal/rpc"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	reg := &devices.Registry{DB: db}
	lis, err := net.Listen("tcp", ":9000")
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	srv := rpc.NewServer(&rpc.Authenticator{Key: []byte(os.Getenv("JWT_KEY")), Issuer: os.Getenv("JWT_ISSUER")},
		&rpc.DeviceServer{Registry: reg, Log: log})
	go func() { _ = srv.Serve(lis) }()
	if err := (&portal.Portal{Registry: reg}).App().Listen(":8080"); err != nil {
		log.Error("portal", "err", err)
	}
}
