// Package otlptracehttp is a stub of the OpenTelemetry OTLP trace exporter.
package otlptracehttp

import "context"

type Option interface{ apply() }

type opt struct{}

func (opt) apply() {}

type Exporter struct{}

type Client interface{}

func New(ctx context.Context, opts ...Option) (*Exporter, error) { return nil, nil }
func NewUnstarted(opts ...Option) *Exporter                      { return nil }
func NewClient(opts ...Option) Client                            { return nil }
func WithInsecure() Option                                       { return opt{} }
func WithEndpoint(endpoint string) Option                        { return opt{} }
func WithEndpointURL(u string) Option                            { return opt{} }
func WithHeaders(headers map[string]string) Option               { return opt{} }
func WithURLPath(p string) Option                                { return opt{} }
