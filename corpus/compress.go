package corpus

import (
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// compressions maps the extension of a compressed file to its compression.
// A compressed file is read in the format of the extension before it
// (feed.jsonl.gz is JSON Lines), decompressed as it is read, so that the
// limits and offsets are those of the decompressed text.
var compressions = map[string]string{
	".gz":  "gzip",
	".zst": "zstd",
}

// zstdMaxWindow bounds the memory a zstd stream may ask for: 128 MiB, the
// window of zstd --long=27, far beyond that of any ordinary level (8 MiB).
const zstdMaxWindow = 1 << 27

// split returns the format extension of path in lower case and its
// compression ("" when none): "a/Feed.JSONL.gz" gives ".jsonl", "gzip".
func split(path string) (ext, compression string) {
	name := strings.ToLower(filepath.Base(path))
	if c, ok := compressions[filepath.Ext(name)]; ok {
		compression = c
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return filepath.Ext(name), compression
}

// decompress returns a reader of the decompressed r, and a func to release
// it.
func decompress(r io.Reader, compression string) (io.Reader, func(), error) {
	switch compression {
	case "gzip":
		// Go's gzip reads concatenated members as one stream, as in a
		// .warc.gz, which has one member per record.
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, nil, fmt.Errorf("not gzip data: %w", err)
		}
		return zr, func() { zr.Close() }, nil
	case "zstd":
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstdMaxWindow))
		if err != nil {
			return nil, nil, fmt.Errorf("zstd: %w", err)
		}
		return zr, zr.Close, nil
	}
	return r, func() {}, nil
}
