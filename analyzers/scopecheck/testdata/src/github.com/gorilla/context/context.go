// Package context is a stub of github.com/gorilla/context for tests:
// a store of values per request.
package context

import "net/http"

func Set(r *http.Request, key, val interface{})                  {}
func Get(r *http.Request, key interface{}) interface{}           { return nil }
func GetOk(r *http.Request, key interface{}) (interface{}, bool) { return nil, false }
