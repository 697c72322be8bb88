package copiedbasic // want package:"analyzed"

// A project's own copy of gin's BasicAuth (nightingale's pkg/ginx),
// given the accounts of its configuration. Every account has the same
// rights: the check is the access decision, as with gin.BasicAuth
// itself. A copy that looks the credential up in a per-user store
// identifies one of many callers instead.

import (
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/gin-gonic/gin"
)

type Account struct {
	User     string
	Password string
}

type Accounts []Account

type authPair struct {
	value string
	user  string
}

type authPairs []authPair

func (a authPairs) searchCredential(authValue string) (string, bool) {
	if authValue == "" {
		return "", false
	}
	for _, pair := range a {
		if subtle.ConstantTimeCompare(stringToBytes(pair.value), stringToBytes(authValue)) == 1 {
			return pair.user, true
		}
	}
	return "", false
}

// stringToBytes converts without copying (gin's bytesconv).
func stringToBytes(s string) []byte { return []byte(s) }

func processAccounts(accounts Accounts) authPairs {
	pairs := make(authPairs, 0, len(accounts))
	for _, acc := range accounts {
		value := "Basic " + base64.StdEncoding.EncodeToString([]byte(acc.User+":"+acc.Password))
		pairs = append(pairs, authPair{value: value, user: acc.User})
	}
	return pairs
}

func BasicAuth(accounts Accounts) gin.HandlerFunc { // want BasicAuth:"authenticates" BasicAuth:"authorizes\\(comparison with the configured key" BasicAuth:"work" BasicAuth:"middleware"
	pairs := processAccounts(accounts)
	return func(c *gin.Context) {
		user, found := pairs.searchCredential(c.GetHeader("Authorization"))
		if !found {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", user)
		c.Next()
	}
}

type DB struct{ rows map[string]string }

func (d *DB) Insert(k, v string)          { d.rows[k] = v }      // want Insert:"work"
func (d *DB) UserByKey(key string) string { return d.rows[key] } // want UserByKey:"work"

var db = &DB{}

func push(c *gin.Context) { db.Insert(c.Param("series"), "1") }

// lookup checks the credential against a per-user store.
func lookup(key string) bool { return db.UserByKey(key) != "" }

func StoreAuth() gin.HandlerFunc { // want StoreAuth:"authenticates" StoreAuth:"work" StoreAuth:"middleware"
	return func(c *gin.Context) {
		if !lookup(c.GetHeader("Authorization")) {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func routes(conf map[string]string) {
	accounts := make(Accounts, 0)
	for u, p := range conf {
		accounts = append(accounts, Account{User: u, Password: p})
	}
	r := gin.New()
	auth := BasicAuth(accounts)
	r.POST("/push/:series", auth, push)
	r.POST("/store/:series", StoreAuth(), push) // want `route "/store/:series" is registered under authenticating middleware`
}
