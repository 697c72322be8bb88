package usequerylib // want package:`tokenlog\(query params access_token read by querylib\)`

// usequerylib logs requests of a program whose token parser
// (querylib, a dependency) accepts access_token in the query: the whole
// URL is a credential, its path and host are not.

import (
	"fmt"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	zlog "github.com/rs/zerolog/log"

	"querylib"
)

func Middleware(c *gin.Context) {
	zlog.Debug().Msgf("[%s] %s", c.Request.Method, c.Request.URL.String()) // want `request URL with the "access_token" query parameter \(read by querylib\) reaches`
	zlog.Debug().Msgf("[%s] %s", c.Request.Method, c.Request.URL.Path)     // silent: the path has no query
	zlog.Debug().Msgf("%s", c.FullPath())                                  // silent: the route pattern
	c.Next()
}

func Handler(w http.ResponseWriter, r *http.Request) {
	if _, err := querylib.ParseRequest(r); err != nil {
		log.Printf("unauthorized %s %v", r.Method, r.URL) // want `request URL with the "access_token" query parameter \(read by querylib\) reaches log.Printf`
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	log.Printf("request uri %s", r.RequestURI)     // want `request URI with the "access_token" query parameter`
	log.Println("host", r.URL.Host, r.Host)        // silent: the host
	log.Println("path", r.URL.EscapedPath())       // silent: the path
	log.Println("page", r.URL.Query().Get("page")) // silent: another parameter
	fmt.Fprintf(w, "served %s", r.URL.String())    // silent: a response, not a log
}
