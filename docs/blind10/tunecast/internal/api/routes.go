// Package api is tunecast's HTTP API for the web and mobile apps.
package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"example.com/blind10/tunecast/internal/auth"
	"example.com/blind10/tunecast/internal/lyrics"
	"example.com/blind10/tunecast/internal/provider"
	"example.com/blind10/tunecast/internal/store"
)

type Handler struct {
	store    *store.Store
	issuer   *auth.Issuer // access, refresh and invite tokens
	partners auth.PartnerKeys
	linker   *provider.Linker
	lyrics   *lyrics.Client
	log      *zap.Logger
}

func New(st *store.Store, iss *auth.Issuer, pv auth.PartnerKeys, lk *provider.Linker, ly *lyrics.Client, log *zap.Logger) *Handler {
	return &Handler{store: st, issuer: iss, partners: pv, linker: lk, lyrics: ly, log: log}
}

func (h *Handler) Router() *gin.Engine {
	r := gin.New()
	r.Use(gin.Recovery())
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.POST("/v1/auth/refresh", h.refresh)             // ALT s01
	r.POST("/v1/partner/deliveries", h.partnerIngest) // ALT S01

	v1 := r.Group("/v1", h.issuer.RequireUser())
	v1.GET("/me", h.me)                                        // NEAR scopecheck s02
	v1.GET("/me/playlists", h.myPlaylists)                     // NEAR scopecheck s03
	v1.POST("/me/connect", h.connectExchange)                  // NEAR scopecheck s04
	v1.PUT("/playlists/:id/tracks", h.replaceTracks)           // NEAR scopecheck s05
	v1.DELETE("/playlists/:id", h.deletePlaylist)              // WANT scopecheck S02
	v1.POST("/playlists/:id/collaborators", h.addCollaborator) // WANT scopecheck S03
	v1.GET("/users/:id/history", h.listeningHistory)           // WANT scopecheck S04
	v1.GET("/tracks/:id/lyrics", h.trackLyrics)                // NEAR scopecheck s06

	staff := v1.Group("/staff", auth.RequireRole("content-ops"))
	staff.POST("/tracks/:id/takedown", h.takedown) // NEAR scopecheck s07
	return r
}
