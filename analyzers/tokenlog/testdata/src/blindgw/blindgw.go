// Package blindgw is an API gateway's proxy code, written after the
// rules of docs/precision-tokenlog.md and measured without changing
// them: leaks are marked want (or MISS), the rest must stay silent.
package blindgw

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/oauth2/clientcredentials"
)

type Upstream struct {
	Name     string
	URL      *url.URL
	Username string
	Password string
	Timeout  time.Duration
}

type Gateway struct {
	log       *zap.Logger
	upstreams map[string]*Upstream
	cc        *clientcredentials.Config
}

func fp(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:16]
}

func New(lg *zap.Logger) *Gateway { // want New:`param 0 reaches zap.Logger.Info \(own sink\); result 0.2\*.1 is client secret from environment variable GW_CLIENT_SECRET; param 0 flows to result 0.0`
	secret := os.Getenv("GW_CLIENT_SECRET")
	if secret == "" {
		lg.Info("no client secret in GW_CLIENT_SECRET, client credentials disabled")
	}
	cc := &clientcredentials.Config{ClientID: os.Getenv("GW_CLIENT_ID"), ClientSecret: secret, TokenURL: os.Getenv("GW_TOKEN_URL")}
	lg.Info("client credentials", zap.String("client_id", cc.ClientID), zap.String("token_url", cc.TokenURL), zap.Int("scopes", len(cc.Scopes)))
	lg.Debug("client secret", zap.String("fp", fp(secret)))
	lg.Debug("client secret", zap.String("secret", secret)) // want `reaches zap.Logger.Debug`
	return &Gateway{log: lg, upstreams: map[string]*Upstream{}, cc: cc}
}

func (g *Gateway) Register(u *Upstream) {
	target := *u.URL
	if u.Password != "" {
		target.User = url.UserPassword(u.Username, u.Password)
	}
	g.log.Sugar().Infof("upstream %s at %s (user %s, timeout %s)", u.Name, u.URL.Redacted(), u.Username, u.Timeout)
	g.log.Sugar().Infof("upstream %s at %s", u.Name, target.Redacted())
	g.log.Sugar().Infof("upstream %s host %s", u.Name, target.Host)
	g.log.Sugar().Infof("upstream %s at %s", u.Name, target.String()) // want `reaches zap.SugaredLogger.Infof`
	g.upstreams[u.Name] = u
}

func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if ok {
		logrus.WithFields(logrus.Fields{"user": user, "has_password": pass != "", "path": r.URL.Path}).Infof("basic auth")
		logrus.WithField("password", pass).Info("basic auth") // want `reaches logrus.WithField`
	}
	if c, err := r.Cookie("session"); err == nil {
		logrus.WithFields(logrus.Fields{"cookie": c.Name, "expires": c.Expires, "secure": c.Secure}).Infof("session cookie")
		logrus.Debugf("session cookie %s", c.Value) // want `reaches logrus.Debugf`
	} else {
		logrus.WithField("err", err).Info("no session cookie")
	}
	dump, _ := httputil.DumpRequest(r, false)
	logrus.Debugf("request:\n%s", dump) // want `reaches logrus.Debugf`
	auth := r.Header.Get("Authorization")
	scheme, raw, _ := strings.Cut(auth, " ")
	// Debatable: without a space, Cut returns the whole header as the
	// scheme.
	logrus.Debugf("auth scheme %s", scheme) // want `credentials from the Authorization header reaches logrus.Debugf`
	tok, err := parseJWT(raw)
	if err != nil {
		logrus.WithField("err", err).Warn("jwt")
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	logrus.Infof("jwt valid=%t claims=%v", tok.Valid, tok.Claims)
	logrus.Infof("jwt %s", tok.Raw) // want `reaches logrus.Infof`
	up, found := g.upstreams[strings.TrimPrefix(r.URL.Path, "/")]
	if !found {
		log.Printf("no upstream for %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
		return
	}
	log.Printf("proxy %s %s -> %s", r.Method, r.URL.Path, up.Name)
	log.Printf("upstream %+v", *up) // want `credential field Password`
	w.Header().Set("X-Upstream", up.Name)
	fmt.Fprintf(w, "proxied to %s\n", up.Name)
}

func parseJWT(raw string) (*jwt.Token, error) {
	if strings.Count(raw, ".") != 2 {
		return nil, fmt.Errorf("malformed jwt: %d segments", strings.Count(raw, ".")+1)
	}
	return &jwt.Token{Raw: raw}, nil
}
