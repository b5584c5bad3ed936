package report

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"

	"github.com/klauspost/compress/gzip"
)

// packer compresses report.html's evidence chunks and its table rows into
// their temporary files on a goroutine of its own, in the order given, so
// that the writer through which every article passes does not wait for
// gzip (about a tenth of a run's CPU time on the sample). The bytes are the
// same as compressing each in one go: gzip's output depends on the bytes
// written, not on how the writes split them.
type packer struct {
	jobs chan func() error
	done chan struct{}
	err  error // the first job's error; read after wait

	// Used only on the packer's goroutine until wait returns.
	ev      *bufio.Writer // the evidence: a JSON array's elements, each a string of base64 of gzip
	evGz    *gzip.Writer  // reused for every chunk
	evZ     bytes.Buffer  // a chunk compressed
	chunks  int           // evidence chunks written
	rows    *bufio.Writer // the table rows: base64 of gzip, one stream
	rowsEnc io.WriteCloser
	rowsGz  *gzip.Writer
}

func newPacker(ev, rows *bufio.Writer) *packer {
	p := &packer{jobs: make(chan func() error, 4), done: make(chan struct{}), ev: ev, rows: rows}
	p.evGz, _ = gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression) // the level is valid
	p.rowsEnc = base64.NewEncoder(base64.StdEncoding, rows)
	p.rowsGz, _ = gzip.NewWriterLevel(p.rowsEnc, gzip.DefaultCompression)
	go func() {
		defer close(p.done)
		for job := range p.jobs {
			if p.err == nil {
				p.err = job()
			}
		}
	}()
	return p
}

// chunk compresses the elements of a chunk of evidence as a JSON array,
// written as a JSON string of base64: characters that cannot end a script
// element. The packer owns elems from now on.
func (p *packer) chunk(elems []byte) {
	p.jobs <- func() error {
		p.evZ.Reset()
		p.evGz.Reset(&p.evZ)
		p.evGz.Write([]byte("["))
		p.evGz.Write(elems)
		p.evGz.Write([]byte("]"))
		if err := p.evGz.Close(); err != nil {
			return fmt.Errorf("compressing the evidence: %w", err)
		}
		if p.chunks > 0 {
			p.ev.WriteByte(',')
		}
		p.chunks++
		p.ev.WriteByte('"')
		enc := base64.NewEncoder(base64.StdEncoding, p.ev)
		enc.Write(p.evZ.Bytes())
		enc.Close()
		return p.ev.WriteByte('"')
	}
}

// tableRows compresses rows of the table onto those before; the packer owns
// rows from now on.
func (p *packer) tableRows(rows []byte) {
	p.jobs <- func() error {
		_, err := p.rowsGz.Write(rows)
		return err
	}
}

// wait ends the streams, flushes the files' buffers and returns the first
// error. The packer takes no more work.
func (p *packer) wait() error {
	p.jobs <- func() error {
		if err := p.rowsGz.Close(); err != nil {
			return err
		}
		if err := p.rowsEnc.Close(); err != nil {
			return err
		}
		if err := p.rows.Flush(); err != nil {
			return err
		}
		return p.ev.Flush()
	}
	close(p.jobs)
	<-p.done
	return p.err
}
