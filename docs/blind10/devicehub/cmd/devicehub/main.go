// Command devicehub runs the device gRPC API and the provisioning/operator HTTP API.
package main

import (
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"google.golang.org/grpc"

	"example.com/blind10/devicehub/internal/auth"
	"example.com/blind10/devicehub/internal/config"
	"example.com/blind10/devicehub/internal/devicepb"
	"example.com/blind10/devicehub/internal/grpcsvc"
	"example.com/blind10/devicehub/internal/httpapi"
	"example.com/blind10/devicehub/internal/mqttbridge"
	"example.com/blind10/devicehub/internal/registry"
)

// region asks the EC2 instance metadata service where this gateway runs.
func region() string {
	c := &http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://169.254.169.254/latest/meta-data/placement/region") // NEAR plainhttp p07
	if err != nil {
		return "unknown"
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64))
	return string(b)
}

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("configuration: %v", err)
	}
	authn, err := auth.New(cfg.DeviceKeyFile, cfg.OperatorIssuer, cfg.OperatorJWKSFile)
	if err != nil {
		log.Fatalf("auth: %v", err)
	}
	bridge, err := mqttbridge.Dial(cfg.MQTTBroker, cfg.MQTTUser, cfg.MQTTPassword)
	if err != nil {
		log.Fatalf("mqtt bridge: %v", err) // WANT tokenlog T17
	}
	defer bridge.Close()
	twin, err := grpcsvc.DialTwinSync(cfg.TwinSyncAddr, cfg.TwinSyncToken)
	if err != nil {
		log.Fatalf("twin sync: %v", err)
	}
	defer twin.Close()
	agent, err := grpcsvc.DialAgent(cfg.AgentToken)
	if err != nil {
		log.Fatalf("update agent: %v", err)
	}
	defer agent.Close()

	reg := registry.New()
	gs := grpc.NewServer(grpc.ChainUnaryInterceptor(grpcsvc.LogUnary, authn.Unary), grpc.StreamInterceptor(authn.Stream))
	devicepb.RegisterDeviceServiceServer(gs, grpcsvc.New(reg))
	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		log.Fatalf("listen %s: %v", cfg.GRPCAddr, err)
	}
	go func() { log.Fatal(gs.Serve(lis)) }()

	log.Printf("devicehub in %s: grpc on %s, http on %s", region(), cfg.GRPCAddr, cfg.HTTPAddr)
	hs := &http.Server{Addr: cfg.HTTPAddr, Handler: httpapi.New(cfg, reg, authn).Router(), ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(hs.ListenAndServe())
}
