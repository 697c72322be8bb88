// Package webhook receives the processor's event webhooks and the bank feed's statement
// pushes.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"example.com/blind11/ledgerpay/internal/billing"
)

const tolerance = 5 * time.Minute

type Receiver struct {
	secret        []byte
	bankFeedToken string
	store         *billing.Store
	log           zerolog.Logger
}

func NewReceiver(signingSecret, bankFeedToken string, st *billing.Store, log zerolog.Logger) *Receiver {
	return &Receiver{secret: []byte(signingSecret), bankFeedToken: bankFeedToken, store: st, log: log}
}

type event struct {
	ID   string          `json:"id"`
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

// parseSigHeader splits "t=1699999999,v1=abc...,v1=def..." into the timestamp and the v1
// signatures (several during a secret rotation).
func parseSigHeader(h string) (ts int64, sigs []string) {
	for _, part := range strings.Split(h, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			ts, _ = strconv.ParseInt(v, 10, 64)
		case "v1":
			sigs = append(sigs, v)
		}
	}
	return ts, sigs
}

// Processor handles POST /webhooks/processor.
func (rc *Receiver) Processor(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	header := r.Header.Get("Paynetics-Signature")
	ts, sigs := parseSigHeader(header)
	if ts == 0 || time.Since(time.Unix(ts, 0)).Abs() > tolerance {
		http.Error(w, "stale or missing timestamp", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, rc.secret)
	mac.Write([]byte(strconv.FormatInt(ts, 10) + "." + string(body)))
	want := mac.Sum(nil)
	ok := false
	for _, s := range sigs {
		got, err := hex.DecodeString(s)
		if err == nil && hmac.Equal(got, want) { // NEAR tokenverify v04
			ok = true
			break
		}
	}
	var ev event
	_ = json.Unmarshal(body, &ev)
	if !ok {
		rc.log.Warn().Str("event", ev.ID).Int("signatures", len(sigs)).Int("header_len", len(header)).Msg("webhook signature mismatch") // NEAR tokenlog t03
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	switch ev.Type {
	case "charge.refunded":
		var d struct {
			Invoice string `json:"invoice"`
			Amount  int64  `json:"amount_refunded"`
		}
		if err := json.Unmarshal(ev.Data, &d); err == nil && d.Invoice != "" {
			rc.store.MarkRefunded(d.Invoice, d.Amount)
		}
	default:
		rc.log.Debug().Str("event", ev.ID).Str("type", ev.Type).Msg("webhook ignored")
	}
	w.WriteHeader(http.StatusNoContent)
}

type statementLine struct {
	AccountRef string    `json:"account_ref"`
	Amount     int64     `json:"amount"`
	Currency   string    `json:"currency"`
	BookedAt   time.Time `json:"booked_at"`
}

// BankFeed handles POST /webhooks/bankfeed. The aggregator sends the token we registered
// with it in X-Bankfeed-Token.
func (rc *Receiver) BankFeed(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Bankfeed-Token") != rc.bankFeedToken { // WANT tokenverify V03
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var lines []statementLine
	if err := json.NewDecoder(io.LimitReader(r.Body, 4<<20)).Decode(&lines); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	for _, l := range lines {
		rc.store.AddStatementLine(l.AccountRef, l.Amount, l.Currency, l.BookedAt)
	}
	rc.log.Info().Int("lines", len(lines)).Msg("bank feed received")
	w.WriteHeader(http.StatusAccepted)
}
