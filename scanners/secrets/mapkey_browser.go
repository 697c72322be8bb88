package secrets

import (
	"path"
	"regexp"
	"strings"
)

// roleMapBrowserKey is the key of a map service's JavaScript API in
// front-end code (gin-vue-admin's weather widget: amapKey in
// web/src/view/dashboard/weather.js). The page hands it to the map
// script in every visitor's browser; the provider restricts it by the
// site it is served from (Google Maps JavaScript API, AMap, Baidu Map's
// ak, Mapbox, Tencent and Tianditu keys). Its name says map and the
// file is a front-end source or a bundler's public environment
// variable (VITE_, VUE_APP_, REACT_APP_, NEXT_PUBLIC_); a map key in
// server code (a geocoding call's key) is not one.
const roleMapBrowserKey = "the key of a map service's browser API in front-end code, which every visitor's browser receives"

var (
	// mapKeyName ends the text before a value keyed as a map service's
	// key: amapKey, mapKey, googleMapsApiKey, BMAP_AK, mapbox_token.
	mapKeyName = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:a|b|g|t|q|baidu|google|tencent|gaode|tianditu)?[-_]?maps?(?:box)?[-_]?(?:api[-_]?|js[-_]?)?(?:key|ak|token)["']?\s*[:=]\s*["'\x60]?$`)
	// publicEnvName ends the text before a bundler's public variable.
	publicEnvName = regexp.MustCompile(`(?:^|[^A-Z_])(?:VITE|VUE_APP|REACT_APP|NEXT_PUBLIC|NUXT_PUBLIC)_[A-Z0-9_]*MAPS?[A-Z0-9_]*\s*=\s*["']?$`)
)

// frontEndFile reports whether p is front-end source: a script,
// component or page the browser runs.
func frontEndFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".js", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".html", ".htm", ".mjs":
		return !strings.HasSuffix(p, ".config.js") || strings.Contains(p, "src/")
	}
	return false
}

// mapBrowserKey reports whether the value at text[start:] on the line
// starting at ls, in the file at p, is a map service's browser key.
func mapBrowserKey(p, text string, ls, start int) bool {
	before := text[ls:start]
	if frontEndFile(p) && mapKeyName.MatchString(before) {
		return true
	}
	base := path.Base(p)
	return strings.HasPrefix(base, ".env") && publicEnvName.MatchString(before)
}
