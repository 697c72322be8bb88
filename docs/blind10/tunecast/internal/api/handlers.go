package api

import (
	"errors"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"example.com/blind10/tunecast/internal/auth"
	"example.com/blind10/tunecast/internal/provider"
	"example.com/blind10/tunecast/internal/store"
)

func notFound(c *gin.Context) { c.JSON(http.StatusNotFound, gin.H{"error": "not found"}) }

// bind decodes the JSON body into v and answers 400 when it does not fit.
func bind(c *gin.Context, v any) bool {
	if err := c.ShouldBindJSON(v); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return false
	}
	return true
}

// refresh trades a refresh token for a new access token and rotates the refresh token.
func (h *Handler) refresh(c *gin.Context) { // NEAR scopecheck s01
	var body struct {
		RefreshToken string `json:"refresh_token" binding:"required"`
	}
	if !bind(c, &body) {
		return
	}
	var u store.User
	rc, err := h.issuer.ParseRefresh(body.RefreshToken)
	if err == nil {
		u, err = h.store.User(rc.Subject)
	}
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid_grant"})
		return
	}
	access, err1 := h.issuer.Mint(u.ID, u.Scope, u.Roles)
	next, err2 := h.issuer.MintRefresh(u.ID)
	if err := errors.Join(err1, err2); err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": next, "token_type": "Bearer", "expires_in": 900})
}

// partnerIngest receives catalog deliveries from label distributors.
func (h *Handler) partnerIngest(c *gin.Context) { // WANT scopecheck S01
	raw, err := auth.Bearer(c.GetHeader("Authorization"))
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": err.Error()})
		return
	}
	claims, err := h.partners.Verify(raw)
	if err != nil {
		h.log.Warn("distributor token rejected", zap.Error(err))
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid distributor token"})
		return
	}
	var d struct {
		LabelID string        `json:"label_id" binding:"required"`
		Tracks  []store.Track `json:"tracks" binding:"required"`
	}
	if !bind(c, &d) {
		return
	}
	n := h.store.UpsertTracks(d.LabelID, d.Tracks)
	h.log.Info("delivery ingested", zap.String("distributor", claims.Subject), zap.String("label", d.LabelID), zap.Int("changed", n))
	c.JSON(http.StatusAccepted, gin.H{"changed": n})
}

func (h *Handler) me(c *gin.Context) {
	cl := auth.FromContext(c)
	c.JSON(http.StatusOK, gin.H{"id": cl.Subject, "scope": cl.Scope, "roles": cl.Roles, "connect_url": h.linker.AuthURL(cl.Subject)})
}

func (h *Handler) myPlaylists(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"items": h.store.PlaylistsByOwner(auth.FromContext(c).Subject)})
}

// connectExchange finishes linking the caller's provider account: the web app posts the code and
// state it received on /connect/callback.
func (h *Handler) connectExchange(c *gin.Context) {
	cl := auth.FromContext(c)
	var body struct {
		Code  string `json:"code" binding:"required"`
		State string `json:"state" binding:"required"`
	}
	if !bind(c, &body) {
		return
	}
	if err := h.linker.Exchange(c, cl.Subject, body.Code, body.State); errors.Is(err, provider.ErrBadState) {
		c.JSON(http.StatusBadRequest, gin.H{"error": "state mismatch"})
		return
	} else if err != nil {
		h.log.Error("connect failed", zap.String("user", cl.Subject), zap.Error(err))
		c.JSON(http.StatusBadGateway, gin.H{"error": "provider unavailable"})
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handler) replaceTracks(c *gin.Context) {
	cl := auth.FromContext(c)
	p, err := h.store.Playlist(c.Param("id"))
	if err != nil || (p.OwnerID != cl.Subject && !slices.Contains(p.Collaborators, cl.Subject)) {
		notFound(c)
		return
	}
	var body struct {
		TrackIDs []string `json:"track_ids" binding:"max=10000"`
	}
	if !bind(c, &body) {
		return
	}
	_ = h.store.SetTracks(p.ID, body.TrackIDs)
	c.Status(http.StatusNoContent)
}

func (h *Handler) deletePlaylist(c *gin.Context) {
	cl := auth.FromContext(c)
	id := c.Param("id")
	if err := h.store.DeletePlaylist(id); err != nil {
		notFound(c)
		return
	}
	h.log.Info("playlist deleted", zap.String("playlist", id), zap.String("by", cl.Subject))
	c.Status(http.StatusNoContent)
}

// addCollaborator adds a user to a playlist and returns an invite link for them.
func (h *Handler) addCollaborator(c *gin.Context) {
	cl := auth.FromContext(c)
	id := c.Param("id")
	var body struct {
		UserID string `json:"user_id" binding:"required"`
	}
	if !bind(c, &body) {
		return
	}
	if err := h.store.AddCollaborator(id, body.UserID); err != nil {
		notFound(c)
		return
	}
	invite, err := h.issuer.MintInvite(id, cl.Subject)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	h.log.Info("collaborator invited", zap.String("playlist", id), zap.String("user", body.UserID), zap.String("invite_fp", auth.InviteFingerprint(invite))) // NEAR tokenlog t03
	c.JSON(http.StatusCreated, gin.H{"invite_url": "https://tunecast.fm/invite/" + invite})
}

func (h *Handler) listeningHistory(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"items": h.store.History(c.Param("id"), 50)})
}

// trackLyrics serves catalog lyrics; every subscriber may read them.
func (h *Handler) trackLyrics(c *gin.Context) {
	t, err := h.store.Track(c.Param("id"))
	if err != nil || t.TakenDown {
		notFound(c)
		return
	}
	ly, err := h.lyrics.Lookup(c, t.ISRC)
	if err != nil {
		h.log.Warn("lyrics unavailable", zap.String("track", t.ID), zap.Error(err)) // WANT tokenlog T02
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": "lyrics unavailable"})
		return
	}
	if ly == nil {
		notFound(c)
		return
	}
	c.JSON(http.StatusOK, ly)
}

func (h *Handler) takedown(c *gin.Context) {
	if err := h.store.TakeDown(c.Param("id")); err != nil {
		notFound(c)
		return
	}
	h.log.Info("track taken down", zap.String("track", c.Param("id")), zap.String("by", auth.FromContext(c).Subject))
	c.Status(http.StatusNoContent)
}
