// Package keyeddigest: a request signed by hashing its data with the
// program's secret (md5(key + time + path + secret)) and compared with
// the caller's signature in variable time. Near misses: the constant-time
// compare, a digest of the request alone (no secret in it), and the
// digest of a presented password against the stored hash.
package keyeddigest

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"gopkg.in/macaron.v1"
)

type settings struct {
	APIKey    string
	APISecret string
}

var setting settings

func md5Hex(s string) string {
	m := md5.New()
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))
}

func apiAuth(w http.ResponseWriter, r *http.Request) {
	apiKey := strings.TrimSpace(setting.APIKey)
	apiSecret := strings.TrimSpace(setting.APISecret)
	ts, _ := strconv.ParseInt(r.URL.Query().Get("time"), 10, 64)
	sign := strings.TrimSpace(r.URL.Query().Get("sign"))
	raw := apiKey + strconv.FormatInt(ts, 10) + r.URL.Path + apiSecret
	realSign := md5Hex(raw)
	if sign != realSign { // want `request signature compared with != against a digest keyed with the program's secret`
		http.Error(w, "bad signature", http.StatusForbidden)
		return
	}
}

func apiAuthConstantTime(w http.ResponseWriter, r *http.Request) {
	sign := r.URL.Query().Get("sign")
	sum := sha256.Sum256([]byte(r.URL.Path + setting.APISecret))
	realSign := hex.EncodeToString(sum[:])
	if !hmac.Equal([]byte(sign), []byte(realSign)) { // silent: constant time
		http.Error(w, "bad signature", http.StatusForbidden)
	}
}

func etagMatches(w http.ResponseWriter, r *http.Request, body string) bool {
	etag := md5Hex(r.URL.Path + body)
	return r.Header.Get("If-None-Match") == etag // silent: a digest of content, no secret in it
}

type user struct{ PasswordHash string }

func login(w http.ResponseWriter, r *http.Request, u user) {
	if md5Hex(r.FormValue("password")) != u.PasswordHash { // silent here: a digest of what the caller presents against the stored one
		http.Error(w, "bad login", http.StatusUnauthorized)
	}
}

// macaronAuth is the same check in macaron (gocron's apiAuth).
func macaronAuth(ctx *macaron.Context) {
	apiKey := strings.TrimSpace(setting.APIKey)
	apiSecret := strings.TrimSpace(setting.APISecret)
	ts := ctx.QueryInt64("time")
	sign := ctx.QueryTrim("sign")
	raw := apiKey + strconv.FormatInt(ts, 10) + strings.TrimSpace(ctx.Req.URL.Path) + apiSecret
	realSign := md5Hex(raw)
	if sign != realSign { // want `request signature compared with != against a digest keyed with the program's secret`
		ctx.Write([]byte("bad signature"))
		return
	}
}
