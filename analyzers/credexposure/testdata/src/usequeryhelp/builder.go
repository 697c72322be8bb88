package usequeryhelp

import (
	"context"
	"net/url"

	"example.com/requests"
	"golang.org/x/oauth2"
)

func viaBuilder(ctx context.Context, validate *url.URL, tok *oauth2.Token) {
	requestURL := validate.String() + "?access_token=" + tok.AccessToken // want `access token .*is put in the query string of a URL sent by requests.New \(its endpoint parameter\)`
	requests.New(requestURL).WithContext(ctx).Do()
}

func viaBuilderValues(ctx context.Context, endpoint, accessToken string) {
	params := url.Values{"access_token": {accessToken}} // want `token in parameter accessToken is put in the query string of a URL sent by requests.New \(its endpoint parameter\)`
	requests.New(endpoint + "?" + params.Encode()).Do()
}

func magicLink(to, confirmToken string) {
	// A single-use login link mailed to the user, by design.
	requests.SendMagicLink(to, "https://app.example.com/login?token="+confirmToken)
}

func viaBuilderPlain(endpoint, user string) {
	requests.New(endpoint + "?user=" + user).Do() // no credential
}
