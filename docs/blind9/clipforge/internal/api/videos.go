package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/blind9/clipforge/internal/auth"
	"example.com/blind9/clipforge/internal/encoder"
)

func (s *Server) listVideos(w http.ResponseWriter, r *http.Request) {
	c, _ := auth.FromContext(r.Context())
	vs, err := s.store.Videos(r.Context(), c.Subject)
	if err != nil {
		http.Error(w, "store error", http.StatusInternalServerError)
		return
	}
	if q := r.URL.Query().Get("q"); q != "" {
		tokens := strings.Fields(strings.ToLower(q))
		s.log.Debug("video search", "sub", c.Subject, "tokens", tokens) // NEAR tokenlog t04
		out := vs[:0]
		for _, v := range vs {
			if strings.Contains(strings.ToLower(v.Title), tokens[0]) {
				out = append(out, v)
			}
		}
		vs = out
	}
	writeJSON(w, http.StatusOK, vs)
}

func (s *Server) getVideo(w http.ResponseWriter, r *http.Request) {
	c, _ := auth.FromContext(r.Context())
	v, err := s.store.Video(r.Context(), r.PathValue("id"))
	if err != nil || (v.OwnerID != c.Subject && !v.Published) {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	c, _ := auth.FromContext(r.Context())
	v, err := s.store.Video(r.Context(), r.PathValue("id"))
	if err != nil || v.OwnerID != c.Subject {
		http.NotFound(w, r)
		return
	}
	tok, err := auth.MintEmbedToken(s.cfg.PlaybackKey, v.PlaybackID)
	if err != nil {
		http.Error(w, "cannot sign", http.StatusInternalServerError)
		return
	}
	v.Published = true
	_ = s.store.PutVideo(r.Context(), v)
	writeJSON(w, http.StatusOK, map[string]string{"playback_url": encoder.PlaybackURL(v.PlaybackID, tok)})
}

// videoStats returns the analytics of a video.
func (s *Server) videoStats(w http.ResponseWriter, r *http.Request) {
	v, err := s.store.Video(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	st, err := s.enc.Views(r.Context(), v.PlaybackID, time.Now().AddDate(0, 0, -30))
	if err != nil {
		s.log.Error("analytics", "video", v.ID, "err", err) // WANT tokenlog T02
		http.Error(w, "analytics unavailable", http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) deleteVideo(w http.ResponseWriter, r *http.Request) {
	c, _ := auth.FromContext(r.Context())
	id := r.PathValue("id")
	v, err := s.store.Video(r.Context(), id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if err := s.enc.DeleteAsset(r.Context(), v.AssetID); err != nil {
		s.log.Warn("delete asset", "asset", v.AssetID, "err", err) // ALT T05
	}
	if err := s.store.DeleteVideo(r.Context(), id); err != nil {
		http.Error(w, "store error", http.StatusInternalServerError)
		return
	}
	s.log.Info("video deleted", "video", id, "by", c.Subject)
	w.WriteHeader(http.StatusNoContent)
}

// revokeEmbedToken is called by the player SDK with the viewer's app token;
// it revokes the embed token whose jti is given.
func (s *Server) revokeEmbedToken(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S05
	raw := auth.Bearer(r)
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // WANT tokenverify V02
		return s.cfg.JWTSecret, nil
	}, jwt.WithAudience(s.cfg.JWTAudience))
	if err != nil || !tok.Valid {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var req struct{ JTI string }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.JTI == "" {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := s.store.RevokeToken(r.Context(), req.JTI, time.Now().Add(24*time.Hour)); err != nil {
		http.Error(w, "store error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// uploadCaptions is called by the captioning partner's worker with a client-credentials token.
func (s *Server) uploadCaptions(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s09
	c, err := s.verifier.Parse(auth.Bearer(r))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !c.HasScope("captions:write") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	v, err := s.store.Video(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 2<<20))
	s.log.Info("captions stored", "video", v.ID, "bytes", len(body), "client", c.Subject)
	w.WriteHeader(http.StatusNoContent)
}

// encoderWebhook receives asset state changes, signed with the shared webhook secret.
func (s *Server) encoderWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, s.cfg.WebhookSecret)
	mac.Write(body)
	want := mac.Sum(nil)
	got, err := hex.DecodeString(r.Header.Get("X-Encoder-Signature"))
	if err != nil || !hmac.Equal(got, want) { // NEAR tokenverify v02
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev struct{ Type, AssetID string }
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	s.log.Info("encoder event", "type", ev.Type, "asset", ev.AssetID)
	w.WriteHeader(http.StatusNoContent)
}
