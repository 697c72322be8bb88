// Package pubclientkey: keys their providers publish for browsers and
// mobile apps (PostHog's project key phc_, Stripe's publishable keys
// pk_live_ and pk_test_) identify a project and grant nothing secret;
// the secret scanner rates them low, and so does the analyzer. The
// secret keys of the same providers (PostHog's personal phx_, Stripe's
// restricted rk_live_) and an ordinary key are still reported.
package pubclientkey

type Config struct {
	APIKey string
	Token  string
}

const posthogProjectKey = "phc_1vEXhPOA1P7HP5jP2dVU9xDTUqXHAelmtravyZ1vvES"

const posthogPersonalKey = "phx_Q8mZr2Lk5Vt9Wc3Xy7Bn4Hd6Jf1Gs0PaEe2Ri8Tu4Oo" // want `API key in field APIKey is a string literal \(through const posthogPersonalKey\)`

func Configs() []Config {
	return []Config{
		{APIKey: posthogProjectKey},
		{APIKey: "pk_live_51HqLyjWDarjtT1zdp7dcXVZuPpHX3kuaNOABqxLSp6XMnJ8f"},
		{APIKey: "pk_test_TYooMQauvdEDq54NiTphI7jx"},
		{APIKey: posthogPersonalKey},
		{Token: "rk_live_9Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf"}, // want `Stripe credential matching gitleaks rule stripe-access-token is a string literal`
		{APIKey: "Q2w9E4r7T1y6U3i8phc"},                   // want `API key in field APIKey is a string literal`
	}
}
