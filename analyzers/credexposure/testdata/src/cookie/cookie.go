package cookie

import (
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"
)

type config struct {
	SecureCookies bool
}

var key = []byte(os.Getenv("JWT_KEY"))

// Positives.

func jwtCookie(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, Path: "/"}) // want `signed JWT reaches cookie "auth" set by http.SetCookie without Secure and HttpOnly`
}

func oauthCookieNoHTTPOnly(w http.ResponseWriter, tok *oauth2.Token) {
	http.SetCookie(w, &http.Cookie{Name: "at", Value: tok.AccessToken, Secure: true}) // want `access token .*reaches cookie "at" set by http.SetCookie without HttpOnly`
}

func laterFields(w http.ResponseWriter, tok *oauth2.Token) {
	c := &http.Cookie{Name: "refresh"} // want `refresh token .*reaches cookie "refresh" set by http.SetCookie without Secure`
	c.Value = tok.RefreshToken
	c.HttpOnly = true
	http.SetCookie(w, c)
}

func valueVar(w http.ResponseWriter, t *jwt.Token) {
	var c http.Cookie
	c.Name = "session"
	c.Value, _ = t.SignedString(key)
	c.Secure = false
	c.HttpOnly = true
	http.SetCookie(w, &c) // want `signed JWT reaches cookie "session" set by http.SetCookie without Secure`
}

func sameSiteNone(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, HttpOnly: true, SameSite: http.SameSiteNoneMode}) // want `without Secure \(with SameSite=None\)`
}

func namedSession(w http.ResponseWriter, sessionID string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sessionID, Expires: time.Now().Add(time.Hour)}) // want `value of the "sid" cookie reaches cookie "sid" set by http.SetCookie without Secure and HttpOnly`
}

func namedToken(w http.ResponseWriter, name string, accessToken string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: accessToken}) // want `token in parameter accessToken reaches a cookie set by http.SetCookie without Secure and HttpOnly`
}

func header(w http.ResponseWriter, tok *oauth2.Token) {
	c := http.Cookie{Name: "tok", Value: tok.AccessToken, HttpOnly: true} // want `access token .*reaches cookie "tok" set by the Set-Cookie header without Secure`
	w.Header().Add("Set-Cookie", c.String())
}

func echoCookie(c echo.Context, tok *oauth2.Token) {
	c.SetCookie(&http.Cookie{Name: "at", Value: tok.AccessToken}) // want `access token .*set by echo.Context.SetCookie without Secure and HttpOnly`
}

func ginCookie(c *gin.Context, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	c.SetCookie("jwt", signed, 3600, "/", "", false, true) // want `signed JWT reaches cookie "jwt" set by gin.Context.SetCookie without Secure`
}

func phi(w http.ResponseWriter, t *jwt.Token, long bool) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed, HttpOnly: true} // want `signed JWT reaches cookie "auth" set by http.SetCookie without Secure`
	if long {
		c.MaxAge = 3600
	}
	http.SetCookie(w, c)
}

func bearerFromHeader(w http.ResponseWriter, r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	http.SetCookie(w, &http.Cookie{Name: "t", Value: tok, Secure: true}) // want `token from the X-Auth-Token header reaches cookie "t" set by http.SetCookie without HttpOnly`
}

// Near-misses.

func flagsSet(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, Secure: true, HttpOnly: true, SameSite: http.SameSiteNoneMode}) // all flags
}

func flagsLater(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed}
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c) // flags assigned after the literal
}

func fromConfig(w http.ResponseWriter, t *jwt.Token, cfg config) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, Secure: cfg.SecureCookies, HttpOnly: true}) // Secure from configuration: unknown
}

func fromTLS(w http.ResponseWriter, r *http.Request, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, Secure: r.TLS != nil, HttpOnly: true}) // Secure follows the connection
}

func conditional(w http.ResponseWriter, t *jwt.Token, prod bool) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed, HttpOnly: true}
	if prod {
		c.Secure = true // the operator's choice
	}
	http.SetCookie(w, c)
}

func theme(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: r.URL.Query().Get("theme")}) // a preference
}

func locale(w http.ResponseWriter, lang string) {
	http.SetCookie(w, &http.Cookie{Name: "locale", Value: lang}) // a preference
}

func csrf(w http.ResponseWriter, csrfToken string) {
	// The double-submit token must be readable by the page's script.
	http.SetCookie(w, &http.Cookie{Name: "XSRF-TOKEN", Value: csrfToken, Secure: true})
}

func csrfUnnamed(w http.ResponseWriter, name, csrfToken string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: csrfToken}) // named for CSRF
}

func deleteCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", MaxAge: -1}) // clearing the session
}

func deleteWithValue(w http.ResponseWriter, sessionID string) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, MaxAge: -1}) // removal
}

func literalValue(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "guest"}) // a literal
}

func sessionLibrary(w http.ResponseWriter, r *http.Request, store *sessions.CookieStore, t *jwt.Token) {
	s, _ := store.Get(r, "app")
	s.Values["jwt"], _ = t.SignedString(key)
	_ = s.Save(r, w) // the library sets the cookie from its options
	signed, _ := t.SignedString(key)
	http.SetCookie(w, sessions.NewCookie("auth", signed, s.Options)) // built by the library from options
}

func userID(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "uid_hint", Value: id}) // not a credential
}

func ginSecure(c *gin.Context, t *jwt.Token, secure bool) {
	signed, _ := t.SignedString(key)
	c.SetCookie("jwt", signed, 3600, "/", "", secure, true) // Secure from configuration
}

func ginDelete(c *gin.Context) {
	c.SetCookie("jwt", "", -1, "/", "", false, true) // clearing
}

func requestCookieBack(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("lang_pref")
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "lang_pref", Value: c.Value}) // a preference read back
}

func escapes(w http.ResponseWriter, t *jwt.Token, harden func(*http.Cookie)) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed}
	harden(c) // unknown code may set the flags
	http.SetCookie(w, c)
}

// Set-Cookie headers written by hand.

func rawHeader(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	w.Header().Set("Set-Cookie", "auth="+signed+"; Path=/; HttpOnly") // want `signed JWT reaches cookie "auth" set by the Set-Cookie header without Secure`
}

func rawSprintf(w http.ResponseWriter, sessionID string) {
	w.Header().Add("Set-Cookie", fmt.Sprintf("sid=%s; Path=/", sessionID)) // want `value of the "sid" cookie reaches cookie "sid" set by the Set-Cookie header without Secure and HttpOnly`
}

func rawSafe(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	w.Header().Set("Set-Cookie", "auth="+signed+"; Path=/; Secure; HttpOnly; SameSite=Lax") // all flags
}

func rawConfigured(w http.ResponseWriter, t *jwt.Token, attrs string) {
	signed, _ := t.SignedString(key)
	w.Header().Set("Set-Cookie", "auth="+signed+"; "+attrs) // attributes from configuration
}

func rawDelete(w http.ResponseWriter, sessionID string) {
	w.Header().Set("Set-Cookie", "sid="+sessionID+"; Max-Age=0") // removal
}

func lastLogin(w http.ResponseWriter, when string) {
	http.SetCookie(w, &http.Cookie{Name: "last_login", Value: when}) // a time, not a credential
}

func accessToken(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "access_token", Value: v}) // want `value of the "access_token" cookie reaches cookie "access_token" set by http.SetCookie without Secure and HttpOnly`
}

func randomState() string { return "s" }

// Near miss: the cookie holds the OAuth state the callback compares,
// whatever its name says; the flow's state grants nothing.
func loginStart(w http.ResponseWriter, r *http.Request, conf *oauth2.Config) {
	state := randomState()
	http.SetCookie(w, &http.Cookie{Name: "ext_auth_cookie", Value: state, HttpOnly: true})
	http.Redirect(w, r, conf.AuthCodeURL(state), http.StatusFound)
}

// The same cookie name holding something else is judged by its name.
func loginDone(w http.ResponseWriter, sessionID string) {
	http.SetCookie(w, &http.Cookie{Name: "ext_auth_cookie", Value: sessionID, HttpOnly: true}) // want `value of the "ext_auth_cookie" cookie reaches cookie "ext_auth_cookie" set by http.SetCookie without Secure`
}
