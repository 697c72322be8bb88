module example.com/blind3/billing

go 1.23

require (
	github.com/go-chi/chi/v5 v5.3.2
	go.uber.org/zap v1.28.0
)

require go.uber.org/multierr v1.10.0 // indirect
