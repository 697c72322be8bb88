package main

import (
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
	"github.com/rs/zerolog"
	"golang.org/x/oauth2"
	"google.golang.org/grpc"

	"example.com/blind5/gateway/internal/api"
	"example.com/blind5/gateway/internal/dash"
	"example.com/blind5/gateway/internal/upstream"
)

func main() {
	logger := zerolog.New(os.Stdout).With().Timestamp().Logger()
	_ = grpc.NewServer(grpc.UnaryInterceptor(upstream.LogMetadata))
	a := &api.API{Log: logger, Hook: os.Getenv("CRM_HOOK_KEY")}
	r := chi.NewRouter()
	r.Mount("/", a.Router())
	d := &dash.Dash{
		OAuth: &oauth2.Config{
			ClientID:     "gateway-dash",
			ClientSecret: os.Getenv("DASH_CLIENT_SECRET"),
			RedirectURL:  "https://gateway.shopcorp.net/dash/callback",
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://sso.shopcorp.net/authorize",
				TokenURL: "http://sso.shopcorp.net/token", // WANT plainhttp P11
			},
		},
		ReturnPrefixes: []string{"/dash/", "https://gateway.shopcorp.net/"},
	}
	d.Routes(r)
	logger.Info().Str("dash_client", d.OAuth.ClientID).Msg("starting") // NEAR tokenlog t28
	if err := http.ListenAndServe(":8443", r); err != nil {
		logger.Fatal().Err(err).Msg("server")
	}
}
