package web

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"

	"github.com/go-kit/log/level"
)

// webhookPasscode is the passcode the design tool echoes in every webhook
// payload; it was set when the webhook was registered.
const webhookPasscode = "wh_pc_8Jr3Tq6Lz1Vx9Kn4Wb7Mc2" // WANT hardcodedcred H22

// stripePublishableKey is embedded in the upgrade page (publishable keys are public).
const stripePublishableKey = "pk_live_51Hx3QpL8kTz2Wv9Rb4Nc7Md1Yf6Sg0Ju5Ai3Oe8Pl2Kq7Tx4Vz9Wm1Rn6Bc3Hd8Jf5Lg0Ns2Ut7Yv4" // NEAR hardcodedcred h34

type fileEvent struct {
	EventType string `json:"event_type"`
	FileKey   string `json:"file_key"`
	Passcode  string `json:"passcode"`
}

// Webhook receives FILE_UPDATE events.
func (s *Server) Webhook(w http.ResponseWriter, r *http.Request) {
	var ev fileEvent
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "json", http.StatusBadRequest)
		return
	}
	if subtle.ConstantTimeCompare([]byte(ev.Passcode), []byte(webhookPasscode)) != 1 {
		level.Warn(s.Logger).Log("msg", "bad webhook passcode", "file", ev.FileKey, "event", ev.EventType) // NEAR tokenlog t46
		http.Error(w, "passcode", http.StatusForbidden)
		return
	}
	level.Debug(s.Logger).Log("msg", "webhook", "event", ev) // WANT tokenlog T30
	w.WriteHeader(http.StatusOK)
}

// UpgradePage renders the checkout page with the publishable key.
func (s *Server) UpgradePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	_, _ = w.Write([]byte(`<script src="https://js.stripe.com/v3"></script><script>Stripe("` + stripePublishableKey + `")</script>`))
}
