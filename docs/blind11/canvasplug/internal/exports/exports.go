// Package exports renders frames to SVG and uploads them to the user's cloud drive.
package exports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"golang.org/x/oauth2"

	"example.com/blind11/canvasplug/internal/designapi"
)

const svgNamespace = "http://www.w3.org/2000/svg" // NEAR plainhttp p05

var ErrForbidden = errors.New("forbidden")

// Caller is the signed-in user an export runs for.
type Caller struct {
	UserID string
	Teams  map[string]string
}

// Connection is a user's linked cloud drive.
type Connection struct {
	UserID string
	Token  *oauth2.Token
	Folder string
}

// MarshalLogObject logs the connection without its tokens.
func (c *Connection) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("user", c.UserID)
	enc.AddString("folder", c.Folder)
	if c.Token != nil {
		enc.AddTime("expiry", c.Token.Expiry)
	}
	return nil
}

type Service struct {
	Design       *designapi.Client
	ServiceToken string
	Drive        *oauth2.Config
	Log          *zap.Logger

	mu    sync.Mutex
	conns map[string]*Connection
}

// Start exports a file's frames for caller, who must belong to the file's team.
func (s *Service) Start(ctx context.Context, caller Caller, fileID string) (string, error) {
	f, err := s.Design.File(ctx, s.ServiceToken, fileID)
	if err != nil {
		return "", err
	}
	if _, member := caller.Teams[f.TeamID]; !member {
		return "", ErrForbidden
	}
	s.mu.Lock()
	conn := s.conns[caller.UserID]
	s.mu.Unlock()
	if conn == nil {
		return "", errors.New("no drive connected")
	}
	nodes, err := s.Design.Nodes(ctx, s.ServiceToken, fileID)
	if err != nil {
		return "", err
	}
	svg := fmt.Sprintf(`<svg xmlns="%s" data-file="%s"><!-- %d bytes of nodes --></svg>`, svgNamespace, f.ID, len(nodes))
	client := s.Drive.Client(ctx, conn.Token)
	resp, err := client.Post("https://api.boxdrive.com/2.0/files/content?folder="+conn.Folder+"&name="+f.Name+".svg", "image/svg+xml", bytes.NewReader([]byte(svg)))
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	s.Log.Info("export uploaded", zap.String("file", f.ID), zap.Object("conn", conn)) // NEAR tokenlog t10
	return f.Name + ".svg", nil
}

// ConnectURL sends the user to the drive's consent screen.
func (s *Service) ConnectURL() string {
	return s.Drive.AuthCodeURL("canvasplug-export", oauth2.AccessTypeOffline) // WANT tokenverify V06
}

// Connect finishes the drive consent for the signed-in user.
func (s *Service) Connect(w http.ResponseWriter, r *http.Request, userID string) {
	tok, err := s.Drive.Exchange(r.Context(), r.URL.Query().Get("code")) // ALT V06
	if err != nil {
		s.Log.Warn("drive exchange failed", zap.Error(err))
		http.Error(w, "could not connect drive", http.StatusBadGateway)
		return
	}
	s.mu.Lock()
	if s.conns == nil {
		s.conns = map[string]*Connection{}
	}
	s.conns[userID] = &Connection{UserID: userID, Token: tok, Folder: "0"}
	s.mu.Unlock()
	http.Redirect(w, r, "/settings/exports", http.StatusFound)
}
