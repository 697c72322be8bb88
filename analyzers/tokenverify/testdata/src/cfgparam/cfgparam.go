// Package cfgparam compares a configured secret with a parameter that
// every call gives the same setting: a check that a cached client is
// stale, not a credential presented against a stored one. Near misses:
// a parameter some call gives the request's value, another setting, or
// a function used as a value (its calls unseen).
package cfgparam

import "net/http"

type Huawei struct {
	AppID     string
	AppSecret string
	Backup    string
}

type Config struct{ Huawei Huawei }

type client struct{ id string }

var cached *client

// getClient rebuilds the client when the settings differ from the ones
// it was built with.
func getClient(cfg *Config, appID, appSecret string) *client {
	if appSecret != cfg.Huawei.AppSecret || appID != cfg.Huawei.AppID { // silent: every call passes cfg.Huawei.AppSecret
		return &client{id: appID}
	}
	return cached
}

func push(cfg *Config) *client {
	return getClient(cfg, cfg.Huawei.AppID, cfg.Huawei.AppSecret)
}

func refresh(cfg *Config) *client {
	return getClient(cfg, cfg.Huawei.AppID, cfg.Huawei.AppSecret)
}

// checkSecret is called once with the request's value.
func checkSecret(cfg *Config, secret string) bool {
	return secret == cfg.Huawei.AppSecret // want `secret in variable secret compared with ==`
}

func handle(cfg *Config, r *http.Request) bool {
	_ = checkSecret(cfg, cfg.Huawei.AppSecret)
	return checkSecret(cfg, r.Header.Get("X-App-Secret"))
}

// otherSetting compares against another setting than the one passed.
func otherSetting(cfg *Config, secret string) bool {
	return secret != cfg.Huawei.AppSecret // want `secret in variable secret compared with !=`
}

func useOther(cfg *Config) bool { return otherSetting(cfg, cfg.Huawei.Backup) }

// asValue is used as a value: who calls it, with what, is not seen.
func asValue(cfg *Config, secret string) bool {
	return secret != cfg.Huawei.AppSecret // want `secret in variable secret compared with !=`
}

var hook = asValue

func useValue(cfg *Config) bool { return asValue(cfg, cfg.Huawei.AppSecret) }
