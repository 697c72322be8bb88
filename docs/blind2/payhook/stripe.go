// Package payhook charges customers and relays payment events to merchants' webhooks.
package payhook

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Keys used by the payments service. Live keys are injected at deploy time.
var (
	StripeSecretKey      = ""
	StripePublishableKey = "pk_live_51HxQ2bKm8Vn3Lw7Rt9Yp4Zc6Jd1Fs0Ga5Hb2Nk"
	stripeWebhookSecret  = "whsec_7Kq2Lm9Nv4Rb8Tw1Xz6Cy3Hd5Jf0Pg2Sa"
)

// sandboxKey is the shared Stripe test key from the team wiki.
const sandboxKey = "sk_test_51HxQ2bKm8Vn3Lw7RPq4e9TzLc2Vb6Nm1Xa8Sd3Fg7Hj0Kk5Yu"

// placeholderKey is written into generated config files.
const placeholderKey = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX"

// Charge creates a payment intent.
func Charge(ctx context.Context, amountCents int64, currency, customer string) (*http.Response, error) {
	form := url.Values{}
	form.Set("amount", fmt.Sprint(amountCents))
	form.Set("currency", currency)
	form.Set("customer", customer)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.stripe.com/v1/payment_intents", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	key := StripeSecretKey
	if key == "" {
		key = sandboxKey
	}
	req.SetBasicAuth(key, "")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return http.DefaultClient.Do(req)
}
