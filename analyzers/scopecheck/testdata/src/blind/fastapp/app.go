// Package fastapp is a counter service on fasthttp whose handlers
// authenticate themselves.
package fastapp

import (
	"github.com/fasthttp/router"
	"github.com/golang-jwt/jwt/v5"
	"github.com/valyala/fasthttp"
)

var hmacKey = []byte("cfg")

type counters struct{ m map[string]int }

var store = &counters{m: map[string]int{}}

func parse(ctx *fasthttp.RequestCtx) (jwt.MapClaims, bool) {
	raw := string(ctx.Request.Header.Peek("Authorization"))
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return hmacKey, nil }); err != nil {
		ctx.Error("unauthorized", 401)
		return nil, false
	}
	return claims, true
}

func resetCounter(ctx *fasthttp.RequestCtx) { // POS:fast-reset
	if _, ok := parse(ctx); !ok {
		return
	}
	delete(store.m, ctx.UserValue("name").(string))
}

func resetAll(ctx *fasthttp.RequestCtx) { // NEG: scope claim checked
	claims, ok := parse(ctx)
	if !ok {
		return
	}
	if claims["scope"] != "counters:admin" {
		ctx.Error("forbidden", 403)
		return
	}
	store.m = map[string]int{}
}

func New() *router.Router {
	r := router.New()
	r.DELETE("/counters/{name}", resetCounter) // POS:fast-reset
	r.DELETE("/counters", resetAll)
	return r
}
