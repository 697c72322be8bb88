// Package request is a stub of github.com/golang-jwt/jwt/v4/request.
package request

import (
	"net/http"

	"github.com/golang-jwt/jwt/v4"
)

type Extractor interface {
	ExtractToken(*http.Request) (string, error)
}

type HeaderExtractor []string

func (e HeaderExtractor) ExtractToken(req *http.Request) (string, error) { return "", nil }

var OAuth2Extractor Extractor

type ParseFromRequestOption func(*fromRequestParser)

type fromRequestParser struct{}

func ParseFromRequest(req *http.Request, extractor Extractor, keyFunc jwt.Keyfunc, options ...ParseFromRequestOption) (token *jwt.Token, err error) {
	return nil, nil
}

func WithClaims(claims jwt.Claims) ParseFromRequestOption  { return nil }
func WithParser(parser *jwt.Parser) ParseFromRequestOption { return nil }
