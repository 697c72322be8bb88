// Package oauthredirect defines an analyzer that finds open redirects
// after login and OAuth2 redirect URLs taken from the request.
package oauthredirect

const doc = `report open redirects in login flows and OAuth2 redirect URLs taken from the request

oauthredirect reports redirects after login or in an OAuth callback to a
URL taken from the request without an allow-list or same-origin check
(oauthredirect/open), and oauth2.Config.RedirectURL built from request
data (oauthredirect/dynamic-uri).`
