// Package router is a stub of github.com/fasthttp/router for tests.
package router

import "github.com/valyala/fasthttp"

type Router struct{}

func New() *Router { return &Router{} }

type Group struct{}

func (r *Router) Group(path string) *Group                            { return &Group{} }
func (r *Router) GET(path string, handler fasthttp.RequestHandler)    {}
func (r *Router) POST(path string, handler fasthttp.RequestHandler)   {}
func (r *Router) DELETE(path string, handler fasthttp.RequestHandler) {}
func (r *Router) Handler(ctx *fasthttp.RequestCtx)                    {}
func (g *Group) GET(path string, handler fasthttp.RequestHandler)     {}
func (g *Group) DELETE(path string, handler fasthttp.RequestHandler)  {}
