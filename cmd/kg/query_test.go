package main

import (
	"bytes"
	"reflect"
	"testing"
)

func TestFormats(t *testing.T) {
	cols := []string{"x.name", "r.evidence", "n", "props"}
	rows := [][]any{
		{"Ukraine", "He castigated\nthe claims, \"loudly\".", int64(3), map[string]any{"b": 1.5, "a": []any{"x"}}},
		{"Café <&>", nil, true, nil},
	}
	tests := []struct {
		format string
		want   string
	}{
		{"json", `[
  {
    "x.name": "Ukraine",
    "r.evidence": "He castigated\nthe claims, \"loudly\".",
    "n": 3,
    "props": {
      "a": [
        "x"
      ],
      "b": 1.5
    }
  },
  {
    "x.name": "Café <&>",
    "r.evidence": null,
    "n": true,
    "props": null
  }
]
`},
		{"csv", "x.name,r.evidence,n,props\n" +
			"Ukraine,\"He castigated\nthe claims, \"\"loudly\"\".\",3,\"{\"\"a\"\":[\"\"x\"\"],\"\"b\"\":1.5}\"\n" +
			"Café <&>,,true,\n"},
		{"table", "" +
			"x.name    r.evidence                           n     props\n" +
			"--------  -----------------------------------  ----  -------------------\n" +
			"Ukraine   He castigated the claims, \"loudly\".  3     {\"a\":[\"x\"],\"b\":1.5}\n" +
			"Café <&>                                       true  \n" +
			"(2 rows)\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := formats[tt.format](&buf, cols, rows); err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		if got := buf.String(); got != tt.want {
			t.Errorf("%s =\n%s\nwant\n%s", tt.format, got, tt.want)
		}
	}
	// No rows: an empty JSON array, a header-only CSV.
	var buf bytes.Buffer
	writeJSON(&buf, cols, nil)
	if buf.String() != "[]\n" {
		t.Errorf("json of no rows = %q, want %q", buf.String(), "[]\n")
	}
}

func TestParseParams(t *testing.T) {
	tests := []struct {
		in      []string
		want    map[string]any
		wantErr bool
	}{
		{in: nil, want: map[string]any{}},
		{in: []string{"name=Dmitry Peskov"}, want: map[string]any{"name": "Dmitry Peskov"}},
		{in: []string{"n=5", "f=0.5", "b=true", "s=\"7\""}, want: map[string]any{"n": int64(5), "f": 0.5, "b": true, "s": "7"}},
		{in: []string{"l=[1,\"a\"]", "m={\"k\":2}"}, want: map[string]any{"l": []any{int64(1), "a"}, "m": map[string]any{"k": int64(2)}}},
		{in: []string{"x=a=b", "y=", "z=1 2"}, want: map[string]any{"x": "a=b", "y": "", "z": "1 2"}},
		{in: []string{"noequals"}, wantErr: true},
		{in: []string{"=v"}, wantErr: true},
	}
	for _, tt := range tests {
		got, err := parseParams(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseParams(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseParams(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseShard(t *testing.T) {
	for _, s := range []string{"0/1", "0/2", "1/2", ""} {
		if _, err := parseShard(s); err != nil {
			t.Errorf("parseShard(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"2/2", "-1/2", "1/0", "a/b", "1", "1/2/3"} {
		if _, err := parseShard(s); err == nil {
			t.Errorf("parseShard(%q) succeeded, want an error", s)
		}
	}
}
