// Package loginurl: a setting the package parses as a URL and reads the
// password of holds a connection URL with its login, whatever it is
// called (podinfo's CacheServer), so logging it whole logs the
// password. A setting parsed only for its host, and one never parsed,
// are not credentials.
package loginurl

import (
	"log"
	"net"
	"net/url"
)

type Config struct {
	CacheServer string
	Upstream    string
	Hostname    string
}

type Server struct{ config Config }

func (s *Server) cacheConn() (net.Conn, error) {
	u, err := url.Parse(s.config.CacheServer)
	if err != nil {
		return nil, err
	}
	user := u.User
	if user != nil {
		if password, ok := user.Password(); ok {
			_ = password
		}
	}
	return net.Dial("tcp", u.Host)
}

func (s *Server) upstreamConn() (net.Conn, error) {
	u, err := url.Parse(s.config.Upstream)
	if err != nil {
		return nil, err
	}
	return net.Dial("tcp", u.Host)
}

func (s *Server) offline() {
	log.Printf("cache server %s is offline", s.config.CacheServer) // want `connection URL with its password in field CacheServer \(the package reads its password at loginurl.go:29\) reaches log.Printf`
	log.Printf("upstream %s is offline", s.config.Upstream)
	log.Printf("host %s", s.config.Hostname)
}
