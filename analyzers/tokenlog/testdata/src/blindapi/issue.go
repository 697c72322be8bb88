package blindapi

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log"
	"log/slog"
	"time"
)

// Session is an issued session.
type Session struct {
	ID        string
	UserID    int64
	Token     string
	CreatedAt time.Time
	TTL       time.Duration
}

type sessionStore interface {
	Save(s Session) error
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generating token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func issue(store sessionStore, userID int64) (*Session, error) {
	tok, err := newToken()
	if err != nil {
		return nil, err
	}
	sess := Session{ID: tokenHash(tok), UserID: userID, Token: tok, CreatedAt: time.Now(), TTL: 24 * time.Hour}
	if err := store.Save(sess); err != nil {
		slog.Error("saving session", "session_id", sess.ID, "user", sess.UserID, "err", err)
		return nil, fmt.Errorf("saving session %s for user %d: %w", sess.ID, userID, err)
	}
	slog.Info("session issued", "id", sess.ID, "user", userID, "ttl", sess.TTL, "created", sess.CreatedAt)
	log.Printf("issued session %s, token length %d, expires %s", sess.ID, len(sess.Token), sess.CreatedAt.Add(sess.TTL))
	log.Printf("session type %T", sess)
	return &sess, nil
}

func issueLeaky(store sessionStore, userID int64) (*Session, error) {
	tok, err := newToken()
	if err != nil {
		return nil, err
	}
	sess := Session{ID: tokenHash(tok), UserID: userID, Token: tok}
	log.Printf("issued session %+v", sess) // want `token returned by blindapi.newToken reaches log.Printf`
	slog.Debug("new token", "token", tok)  // want `token returned by blindapi.newToken reaches slog.Debug`
	fmt.Printf("session token: %s\n", tok) // want `token returned by blindapi.newToken reaches fmt.Printf`
	return &sess, store.Save(sess)
}
