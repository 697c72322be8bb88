package usequeryhelp

import (
	"context"
	"net/url"

	"example.com/mailer"
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

// A confirmation or password-reset link in an e-mail carries its one-use
// token in the query by design; the mail builder's package sends no HTTP
// request, so its url parameter is a link, not a request.
func confirmMail(publicURL, confirmToken, resetToken string) *mailer.Mail {
	return mailer.NewMail().
		Line("Welcome").
		Action("Confirm", publicURL+"?userEmailConfirm="+confirmToken).
		Action("Reset", publicURL+"?resetToken="+resetToken)
}
