// Package otlpexp: OTLP exporters that send credential headers without
// transport security.
package otlpexp

import (
	"context"
	"encoding/base64"
	"os"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
)

type tracingConfig struct {
	Endpoint string
	APIKey   string
	Insecure bool
	Headers  map[string]string
	User     string
	Password string
}

// Reported: an API key header over plain gRPC to a vendor's endpoint.
func vendorGRPC(ctx context.Context) {
	otlptracegrpc.New(ctx,
		otlptracegrpc.WithEndpoint("api.honeycomb.example.com:443"),
		otlptracegrpc.WithInsecure(), // want `an OTLP exporter to api.honeycomb.example.com:443 turns transport security off \(otlptracegrpc.WithInsecure\)`
		otlptracegrpc.WithHeaders(map[string]string{"x-honeycomb-team": os.Getenv("HONEYCOMB_API_KEY")}),
	)
}

// Reported: basic auth set on a local map, options gathered in a slice,
// the endpoint from configuration.
func basicAuthGathered(ctx context.Context, cfg tracingConfig) {
	headers := map[string]string{}
	token := base64.StdEncoding.EncodeToString([]byte(cfg.User + ":" + cfg.Password))
	headers["authorization"] = "Basic " + token
	opts := []otlptracegrpc.Option{otlptracegrpc.WithEndpoint(cfg.Endpoint)}
	opts = append(opts, otlptracegrpc.WithInsecure()) // want `OTLP exporter to an endpoint chosen at run time turns transport security off`
	opts = append(opts, otlptracegrpc.WithHeaders(headers))
	otlptracegrpc.NewClient(opts...)
}

// Reported: the HTTP exporter's WithInsecure means http://; the key's
// value is a credential by name.
func vendorHTTP(ctx context.Context, cfg tracingConfig) {
	otlptracehttp.New(ctx,
		otlptracehttp.WithInsecure(), // want `travel over plain http:// in clear text`
		otlptracehttp.WithHeaders(map[string]string{"dd-source": "go", "x-trace-auth": cfg.APIKey}),
	)
}

// Near miss: a local collector sidecar; no credential leaves the
// machine.
func localCollector(ctx context.Context, key string) {
	otlptracegrpc.New(ctx,
		otlptracegrpc.WithEndpoint("localhost:4317"),
		otlptracegrpc.WithInsecure(),
		otlptracegrpc.WithHeaders(map[string]string{"api-key": key}),
	)
}

// Near miss: an in-cluster collector (reported only with -internal).
func clusterCollector(ctx context.Context, key string) {
	otlptracegrpc.New(ctx,
		otlptracegrpc.WithEndpoint("otel-collector.observability.svc:4317"),
		otlptracegrpc.WithInsecure(),
		otlptracegrpc.WithHeaders(map[string]string{"api-key": key}),
	)
}

// Near miss: insecure, but the headers carry no credential.
func plainHeaders(ctx context.Context) {
	otlptracegrpc.New(ctx,
		otlptracegrpc.WithInsecure(),
		otlptracegrpc.WithHeaders(map[string]string{"x-scope-orgid": "tenant-1"}),
	)
}

// Near miss: the operator chooses the insecure transport.
func optIn(ctx context.Context, cfg tracingConfig) {
	opts := []otlptracegrpc.Option{otlptracegrpc.WithHeaders(map[string]string{"authorization": "Bearer " + cfg.APIKey})}
	if cfg.Insecure {
		opts = append(opts, otlptracegrpc.WithInsecure())
	}
	otlptracegrpc.New(ctx, opts...)
}

// Near miss: credentials over TLS (no WithInsecure).
func secure(ctx context.Context, key string) {
	otlptracegrpc.New(ctx,
		otlptracegrpc.WithEndpoint("api.honeycomb.example.com:443"),
		otlptracegrpc.WithHeaders(map[string]string{"x-honeycomb-team": key}),
	)
}

// Near miss: headers handed over whole from configuration; nothing in
// the code says they hold a credential.
func configHeaders(ctx context.Context, cfg tracingConfig) {
	otlptracegrpc.New(ctx,
		otlptracegrpc.WithInsecure(),
		otlptracegrpc.WithHeaders(cfg.Headers),
		otlptracegrpc.WithEndpoint(os.Getenv("OTEL_ENDPOINT")),
	)
}
