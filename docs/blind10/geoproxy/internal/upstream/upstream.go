// Package upstream talks to the geocoding providers geoproxy resells.
package upstream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/rs/zerolog"
)

type Result struct {
	Label    string  `json:"label"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Provider string  `json:"provider"`
}

var errUpstream = errors.New("upstream unavailable")

type Clients struct {
	GoogleKey, MapboxToken    string
	OpenAddrBase, OpenAddrKey string
	NominatimURL              string

	HC  *http.Client
	Log zerolog.Logger
}

func New(googleKey, mapboxToken, openAddrBase, openAddrKey, nominatimURL string, log zerolog.Logger) *Clients {
	return &Clients{GoogleKey: googleKey, MapboxToken: mapboxToken, OpenAddrBase: openAddrBase, OpenAddrKey: openAddrKey,
		NominatimURL: nominatimURL, HC: &http.Client{Timeout: 5 * time.Second}, Log: log}
}

func (c *Clients) getJSON(ctx context.Context, u string, hdr http.Header, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	resp, err := c.HC.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: status %d", req.URL.Host, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Geocode asks the providers in turn and returns the first non-empty answer. Google is the
// primary: its errors are returned, the fallbacks' are logged.
func (c *Clients) Geocode(ctx context.Context, q string) ([]Result, error) {
	res, err := c.google(ctx, q)
	if err != nil || len(res) > 0 {
		return res, err
	}
	if res, _ = c.mapbox(ctx, q); len(res) > 0 {
		return res, nil
	}
	res, err = c.openAddr(ctx, q)
	if err != nil {
		c.Log.Warn().Err(err).Str("provider", "openaddr").Msg("fallback geocoder failed") // NEAR tokenlog t04
	}
	if len(res) > 0 {
		return res, nil
	}
	return c.nominatim(ctx, q)
}

func (c *Clients) google(ctx context.Context, q string) ([]Result, error) {
	var body struct {
		Status  string `json:"status"`
		Results []struct {
			FormattedAddress string `json:"formatted_address"`
			Geometry         struct {
				Location struct{ Lat, Lng float64 } `json:"location"`
			} `json:"geometry"`
		} `json:"results"`
	}
	u := "https://maps.googleapis.com/maps/api/geocode/json?" + url.Values{"address": {q}, "key": {c.GoogleKey}}.Encode()
	if err := c.getJSON(ctx, u, nil, &body); err != nil {
		return nil, err
	}
	var out []Result
	for _, r := range body.Results {
		out = append(out, Result{Label: r.FormattedAddress, Lat: r.Geometry.Location.Lat, Lon: r.Geometry.Location.Lng, Provider: "google"})
	}
	return out, nil
}

func (c *Clients) mapbox(ctx context.Context, q string) ([]Result, error) {
	var body struct {
		Features []struct {
			PlaceName string    `json:"place_name"`
			Center    []float64 `json:"center"`
		} `json:"features"`
	}
	u := fmt.Sprintf("https://api.mapbox.com/geocoding/v5/mapbox.places/%s.json?limit=5&access_token=%s", url.PathEscape(q), c.MapboxToken)
	if err := c.getJSON(ctx, u, nil, &body); err != nil {
		c.Log.Warn().Msgf("mapbox geocode failed: %v", err) // WANT tokenlog T04
		return nil, errUpstream
	}
	var out []Result
	for _, f := range body.Features {
		if len(f.Center) == 2 {
			out = append(out, Result{Label: f.PlaceName, Lon: f.Center[0], Lat: f.Center[1], Provider: "mapbox"})
		}
	}
	return out, nil
}

func (c *Clients) openAddr(ctx context.Context, q string) ([]Result, error) {
	var body struct {
		Matches []Result `json:"matches"`
	}
	hdr := http.Header{"X-Api-Key": {c.OpenAddrKey}}
	if err := c.getJSON(ctx, c.OpenAddrBase+"/search?"+url.Values{"text": {q}}.Encode(), hdr, &body); err != nil {
		return nil, err
	}
	return body.Matches, nil
}

func (c *Clients) nominatim(ctx context.Context, q string) ([]Result, error) {
	var body []struct {
		DisplayName string `json:"display_name"`
		Lat         string `json:"lat"`
		Lon         string `json:"lon"`
	}
	if err := c.getJSON(ctx, c.NominatimURL+"/search?format=json&"+url.Values{"q": {q}}.Encode(), nil, &body); err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(body))
	for _, r := range body {
		var lat, lon float64
		_, _ = fmt.Sscan(r.Lat, &lat)
		_, _ = fmt.Sscan(r.Lon, &lon)
		out = append(out, Result{Label: r.DisplayName, Lat: lat, Lon: lon, Provider: "osm"})
	}
	return out, nil
}
