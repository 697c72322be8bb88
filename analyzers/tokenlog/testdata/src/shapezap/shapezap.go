// Package shapezap logs credentials through an in-house logging module
// known by its shape only: level-named functions whose operands are zap
// fields or key-value pairs, with Ctx and Z prefixes.
package shapezap

import (
	"context"
	"net/http"

	"github.com/acmecorp/common/logger"
	"go.uber.org/zap"
)

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

func positives(ctx context.Context, r *http.Request, res tokenResponse) {
	tok := r.Header.Get("Authorization")
	logger.Info("refreshed", zap.String("token", res.AccessToken)) // want `token in field AccessToken reaches logger.Info`
	logger.Error("auth failed", zap.Any("res", res))               // want `shapezap.tokenResponse with credential field AccessToken is printed whole by logger.Error`
	logger.ZDebug(ctx, "conn", "token", tok)                       // want `credentials from the Authorization header reaches logger.ZDebug`
	logger.CtxInfof(ctx, "auth %s", tok)                           // want `credentials from the Authorization header reaches logger.CtxInfof`
}

func nearMisses(ctx context.Context, r *http.Request, res tokenResponse) (int, string) {
	tok := r.Header.Get("Authorization")
	logger.Info("refreshed", zap.Int("expires", 3600)) // silent: no credential
	n := logger.Fields(zap.String("token", tok))       // silent: returns a result, not a logger
	logger.Zone("auth", zap.String("token", tok))      // silent: not a level name
	s := logger.CtxInfo(ctx, "auth", tok)              // silent: returns the line, writes nothing
	return n, s
}
