// Package lagerlog logs through Cloud Foundry's lager.
package lagerlog

import (
	"errors"
	"net/http"

	"code.cloudfoundry.org/lager"
)

var errBad = errors.New("bad token")

type Webhook struct {
	logger lager.Logger
	token  string
}

func (h *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	got := r.URL.Query().Get("webhook_token")
	logger := h.logger.Session("check-webhook")
	if got != h.token {
		logger.Info("invalid-token", lager.Data{"token": got}) // want `reaches lager.Logger.Info`
		logger.Error("invalid-token", errBad, lager.Data{"path": r.URL.Path})
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	logger.Debug("accepted", lager.Data{"length": len(got)})
	h.logger.WithData(lager.Data{"session": got}).Info("ok") // want `reaches lager.Logger.Info`
}
