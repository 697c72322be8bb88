// Package keyprefix stores values under names whose last word is a bare
// "key". The name settles nothing; a secret key's prefix (sk-, sk_, rk_)
// before a random run does.
package keyprefix

// fallbackKey is the shared evaluation key of a fallback LLM provider,
// in no provider's exact format.
const fallbackKey = "sk-Qx7Lm2Rv9Tz4Wb8Nc1Kd5Hs3Af6Jg0Yp2Ue7Io4Kt" // want `API key in const fallbackKey is a string literal`

type upstream struct {
	BaseURL     string
	UpstreamKey string
}

var primary = upstream{
	BaseURL:     "https://api.inferwell.example/v1",
	UpstreamKey: "rk_9fQ2xLm7Rv4Tz8Wb1Nc5Kd3Hs6Jg0Yp", // want `API key in field UpstreamKey is a string literal`
}

// Near misses: a locale, a sort key of words, a placeholder, a
// publishable key, a short value and a random value without a prefix
// under a bare "key" name.
const (
	cacheKey       = "sk-SK"
	sortKey        = "sk_user_id_created_at"
	placeholderKey = "sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
	widgetKey      = "pk_9fQ2xLm7Rv4Tz8Wb1Nc5Kd3Hs6Jg0Yp"
	shortKey       = "sk-9fQ2xLm7"
	shardKey       = "9fQ2xLm7Rv4Tz8Wb1Nc5Kd3Hs6Jg0Yp"
)

var _ = []string{fallbackKey, cacheKey, sortKey, placeholderKey, widgetKey, shortKey, shardKey}
