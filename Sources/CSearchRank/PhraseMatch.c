#include "PhraseMatch.h"
#include "Fts5Api.h"

#include "CDeflate.h"
#include "DocumentDictionaries.h"

#include <stdint.h>
#include <string.h>
#include <zlib.h>

/// FTS5 keeps the first 32,768 bytes of a longer token, in the index and in queries
/// alike (FTS5_MAX_TOKEN_SIZE).
enum { maxToken = 32768 };
/// How many inflated bytes of text are read at a time, from a document too large to be
/// inflated whole.
enum { chunkSize = 16384 };
/// Documents up to this size (a feed item's is about 3.5 KB) are inflated whole by
/// libdeflate, about twice as fast as zlib reading only the text; larger ones (books) a
/// chunk at a time, and no further than a phrase found.
enum { wholeLimit = 1 << 20 };
/// Code points up to 0x1FFFFF (what four UTF-8 bytes hold) are looked up in blocks of 256.
enum { blockCount = 0x200000 >> 8 };

/// What the tokenizer does with a character: it ends a token (`separator`), starts or
/// continues one (`wordChar`: a letter, a digit), only continues one (`markChar`: a
/// diacritic mark), or something this file does not follow (`unknownChar`: the text is
/// then given to the tokenizer itself). `bytes` is the character folded, as it goes into
/// a token (0 to 4 UTF-8 bytes).
typedef struct CharRule {
  uint8_t kind;
  uint8_t length;
  uint8_t bytes[4];
} CharRule;

enum { separator = 0, wordChar = 1, markChar = 2, unknownChar = 3 };

/// A connection's phrase checker: its tokenizer, what the tokenizer does with each
/// character met so far, and the buffers and zlib stream reused from row to row.
typedef struct Matcher {
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance;
  /// Whether the tokenizer's rules hold for one character at a time (unicode61, ascii).
  int perCharacter;
  CharRule *blocks[blockCount];
  /// ASCII's rules as two tables, when every ASCII character is a separator or a word
  /// character folded to one byte (`asciiFast`): tokens of ASCII are then read in place.
  int asciiFast;
  uint8_t asciiWord[128];
  uint8_t asciiFold[128];
  z_stream stream;
  int streamReady;
  uint8_t *chunk;
  uint8_t *token;
  /// The whole text, for the tokenizer itself (`perCharacter` false, odd bytes).
  uint8_t *whole;
  size_t wholeCapacity;
} Matcher;

/// A phrase of the query: its tokens as the tokenizer folds them, the last perhaps a
/// prefix, and how much of it the last tokens read matched.
typedef struct Phrase {
  int count;
  int prefix;
  int found;
  /// `alive[i]`: the tokens read last matched the phrase's tokens 0 to i.
  int anyAlive;
  uint8_t *alive;
  int *lengths;
  uint8_t **tokens;
} Phrase;

/// The phrases of several tokens of a `match`, kept with the statement (`auxdata`).
typedef struct Query {
  int count;
  int remaining;
  Phrase *phrases;
  /// Bit n: some phrase has a token of n bytes (63: of 63 or more), or a prefix of n or
  /// fewer. A token of another length is none of the phrases'.
  uint64_t lengths;
  /// Whether some phrase has begun in the column.
  int anyAlive;
} Query;

/// One column being read: the token being folded, and a UTF-8 sequence begun.
typedef struct Scan {
  Matcher *matcher;
  Query *query;
  int length;
  int inToken;
  uint32_t code;
  int inSequence;
  /// 0, `needsTokenizer` (a character this file does not follow), or an SQLite error.
  int status;
} Scan;

enum { needsTokenizer = -1 };

// MARK: UTF-8 as FTS5's tokenizers read it

/// The bits a lead byte (0xC0 and above) gives its code point, as SQLite's READ_UTF8.
static uint32_t leadBits(uint8_t byte) {
  if (byte < 0xE0) return byte & 0x1F;
  if (byte < 0xF0) return byte & 0x0F;
  if (byte < 0xF8) return byte & 0x07;
  if (byte < 0xFC) return byte & 0x03;
  if (byte < 0xFE) return byte & 0x01;
  return 0;
}

/// READ_UTF8's last step: overlong forms, surrogates and U+FFFE/F become U+FFFD.
static uint32_t checkedCode(uint32_t code) {
  if (code < 0x80 || (code & 0xFFFFF800) == 0xD800 || (code & 0xFFFFFFFE) == 0xFFFE) {
    return 0xFFFD;
  }
  return code;
}

static int encode(uint32_t code, uint8_t *out) {
  if (code < 0x80) {
    out[0] = (uint8_t)code;
    return 1;
  }
  if (code < 0x800) {
    out[0] = (uint8_t)(0xC0 | (code >> 6));
    out[1] = (uint8_t)(0x80 | (code & 0x3F));
    return 2;
  }
  if (code < 0x10000) {
    out[0] = (uint8_t)(0xE0 | (code >> 12));
    out[1] = (uint8_t)(0x80 | ((code >> 6) & 0x3F));
    out[2] = (uint8_t)(0x80 | (code & 0x3F));
    return 3;
  }
  out[0] = (uint8_t)(0xF0 | (code >> 18));
  out[1] = (uint8_t)(0x80 | ((code >> 12) & 0x3F));
  out[2] = (uint8_t)(0x80 | ((code >> 6) & 0x3F));
  out[3] = (uint8_t)(0x80 | (code & 0x3F));
  return 4;
}

// MARK: What the tokenizer does with each character, asked of it

typedef struct ProbeTokens {
  int count;
  int length;
  uint8_t bytes[8];
} ProbeTokens;

static int probeToken(void *context, int flags, const char *token, int length, int start,
                      int end) {
  (void)flags;
  (void)start;
  (void)end;
  ProbeTokens *probe = context;
  if (probe->count++ == 0) {
    probe->length = length;
    if (length > 0 && length <= 8) memcpy(probe->bytes, token, (size_t)length);
  }
  return SQLITE_OK;
}

static int tokenize(Matcher *matcher, const uint8_t *text, int length, void *context,
                    int (*callback)(void *, int, const char *, int, int, int)) {
  return matcher->tokenizer.xTokenize(matcher->instance, context, FTS5_TOKENIZE_DOCUMENT,
                                      (const char *)text, length, callback);
}

/// Asks the tokenizer what it does with `code`: alone it makes a token of a word
/// character; between two `a`s it joins them for a mark and cuts them for a separator.
static int learn(Matcher *matcher, uint32_t code, CharRule *rule) {
  uint8_t text[6];
  int length = encode(code, text + 1);
  ProbeTokens alone = {0};
  int rc = tokenize(matcher, text + 1, length, &alone, probeToken);
  if (rc != SQLITE_OK) return rc;
  rule->kind = unknownChar;
  rule->length = 0;
  if (alone.count == 1 && alone.length <= 4) {
    rule->kind = wordChar;
    rule->length = (uint8_t)alone.length;
    memcpy(rule->bytes, alone.bytes, (size_t)alone.length);
    return SQLITE_OK;
  }
  if (alone.count != 0) return SQLITE_OK;
  text[0] = 'a';
  text[length + 1] = 'a';
  ProbeTokens between = {0};
  rc = tokenize(matcher, text, length + 2, &between, probeToken);
  if (rc != SQLITE_OK) return rc;
  if (between.count == 2 && between.length == 1 && between.bytes[0] == 'a') {
    rule->kind = separator;
  } else if (between.count == 1 && between.length >= 2 && between.length <= 6 &&
             between.bytes[0] == 'a' && between.bytes[between.length - 1] == 'a') {
    rule->kind = markChar;
    rule->length = (uint8_t)(between.length - 2);
    memcpy(rule->bytes, between.bytes + 1, rule->length);
  }
  return SQLITE_OK;
}

/// The rule for `code`, its block learned on first use; NULL when out of memory or the
/// tokenizer failed (`*rc` says which).
static const CharRule *ruleFor(Matcher *matcher, uint32_t code, int *rc) {
  CharRule *block = matcher->blocks[code >> 8];
  if (!block) {
    block = sqlite3_malloc(256 * sizeof(CharRule));
    if (!block) {
      *rc = SQLITE_NOMEM;
      return 0;
    }
    for (uint32_t index = 0; index < 256; index++) {
      *rc = learn(matcher, (code & ~0xFFu) | index, &block[index]);
      if (*rc != SQLITE_OK) {
        sqlite3_free(block);
        return 0;
      }
    }
    matcher->blocks[code >> 8] = block;
  }
  return &block[code & 0xFF];
}

// MARK: Phrases

/// Whether the token just read (`token`, `length` bytes) is the phrase's token `index`.
static int tokenIs(const Phrase *phrase, int index, const uint8_t *token, int length) {
  int wanted = phrase->lengths[index];
  if (phrase->prefix && index == phrase->count - 1) {
    return length >= wanted && memcmp(token, phrase->tokens[index], (size_t)wanted) == 0;
  }
  return length == wanted && memcmp(token, phrase->tokens[index], (size_t)wanted) == 0;
}

static int lengthBit(int length) { return length < 63 ? length : 63; }

/// A new column, or a token that is none of the phrases': no phrase has begun.
static void startColumn(Query *query) {
  for (int p = 0; p < query->count; p++) {
    Phrase *phrase = &query->phrases[p];
    if (phrase->anyAlive) memset(phrase->alive, 0, (size_t)phrase->count);
    phrase->anyAlive = 0;
  }
  query->anyAlive = 0;
}

/// One more token read in a column: each phrase not found yet moves on.
static void step(Query *query, const uint8_t *token, int length) {
  if (length > maxToken) length = maxToken;
  // Most tokens are none of the phrases': one look at their length.
  if (!((query->lengths >> lengthBit(length)) & 1)) {
    if (query->anyAlive) startColumn(query);
    return;
  }
  int anyAlive = 0;
  for (int p = 0; p < query->count; p++) {
    Phrase *phrase = &query->phrases[p];
    if (phrase->found) continue;
    if (!phrase->anyAlive) {
      if (tokenIs(phrase, 0, token, length)) {
        phrase->alive[0] = 1;
        phrase->anyAlive = 1;
        anyAlive = 1;
      }
      continue;
    }
    int any = 0;
    // From the end, so that alive[i - 1] is still the previous token's.
    for (int i = phrase->count - 1; i >= 0; i--) {
      uint8_t alive = (i == 0 || phrase->alive[i - 1]) && tokenIs(phrase, i, token, length);
      phrase->alive[i] = alive;
      any |= alive;
    }
    phrase->anyAlive = any;
    anyAlive |= any;
    if (phrase->alive[phrase->count - 1]) {
      phrase->found = 1;
      query->remaining--;
    }
  }
  query->anyAlive = anyAlive;
}

static void freeQuery(void *pointer) {
  Query *query = pointer;
  if (!query) return;
  for (int p = 0; p < query->count; p++) {
    Phrase *phrase = &query->phrases[p];
    for (int i = 0; i < phrase->count; i++) sqlite3_free(phrase->tokens[i]);
    sqlite3_free(phrase->tokens);
    sqlite3_free(phrase->lengths);
    sqlite3_free(phrase->alive);
  }
  sqlite3_free(query->phrases);
  sqlite3_free(query);
}

static int collectToken(void *context, int flags, const char *token, int length, int start,
                        int end) {
  (void)start;
  (void)end;
  Phrase *phrase = context;
  // A token at the same place as the one before (a synonym) is not a word of its own.
  if ((flags & FTS5_TOKEN_COLOCATED) && phrase->count > 0) return SQLITE_OK;
  if (length > maxToken) length = maxToken;
  int count = phrase->count + 1;
  uint8_t **tokens = sqlite3_realloc64(phrase->tokens, sizeof(uint8_t *) * (sqlite3_uint64)count);
  if (!tokens) return SQLITE_NOMEM;
  phrase->tokens = tokens;
  int *lengths = sqlite3_realloc64(phrase->lengths, sizeof(int) * (sqlite3_uint64)count);
  if (!lengths) return SQLITE_NOMEM;
  phrase->lengths = lengths;
  uint8_t *copy = sqlite3_malloc(length > 0 ? length : 1);
  if (!copy) return SQLITE_NOMEM;
  if (length > 0) memcpy(copy, token, (size_t)length);
  tokens[phrase->count] = copy;
  lengths[phrase->count] = length;
  phrase->count = count;
  return SQLITE_OK;
}

/// The phrases of several tokens in `match`: each text in double quotes (`""` inside is
/// a quote), followed by `*` when its last token is a prefix, as `FTSQuery` writes them.
static int compile(Matcher *matcher, const uint8_t *match, int size, Query **out) {
  Query *query = sqlite3_malloc(sizeof(Query));
  if (!query) return SQLITE_NOMEM;
  memset(query, 0, sizeof(Query));
  uint8_t *text = sqlite3_malloc(size + 1);
  if (!text) {
    sqlite3_free(query);
    return SQLITE_NOMEM;
  }
  int rc = SQLITE_OK;
  int at = 0;
  while (rc == SQLITE_OK && at < size) {
    if (match[at] != '"') {
      at++;
      continue;
    }
    int length = 0;
    for (at++; at < size; at++) {
      if (match[at] == '"') {
        if (at + 1 < size && match[at + 1] == '"') {
          text[length++] = '"';
          at++;
        } else {
          break;
        }
      } else {
        text[length++] = match[at];
      }
    }
    at++;
    Phrase phrase = {0};
    phrase.prefix = at < size && match[at] == '*';
    rc = tokenize(matcher, text, length, &phrase, collectToken);
    if (rc == SQLITE_OK && phrase.count >= 2) {
      phrase.alive = sqlite3_malloc(phrase.count);
      Phrase *phrases = sqlite3_realloc64(query->phrases,
                                          sizeof(Phrase) * (sqlite3_uint64)(query->count + 1));
      if (!phrase.alive || !phrases) {
        rc = SQLITE_NOMEM;
        if (phrases) query->phrases = phrases;
      } else {
        memset(phrase.alive, 0, (size_t)phrase.count);
        for (int i = 0; i < phrase.count; i++) {
          int bit = lengthBit(phrase.lengths[i]);
          int last = phrase.prefix && i == phrase.count - 1 ? 63 : bit;
          for (; bit <= last; bit++) query->lengths |= (uint64_t)1 << bit;
        }
        query->phrases = phrases;
        query->phrases[query->count++] = phrase;
        continue;
      }
    }
    // A phrase of one token (the index found it), or a failure: not kept.
    for (int i = 0; i < phrase.count; i++) sqlite3_free(phrase.tokens[i]);
    sqlite3_free(phrase.tokens);
    sqlite3_free(phrase.lengths);
    sqlite3_free(phrase.alive);
  }
  sqlite3_free(text);
  if (rc != SQLITE_OK) {
    freeQuery(query);
    return rc;
  }
  *out = query;
  return SQLITE_OK;
}

// MARK: Reading a column

/// One character read: it starts, continues or ends a token.
static void character(Scan *scan, const CharRule *rule) {
  Matcher *matcher = scan->matcher;
  if (rule->kind == separator) {
    if (scan->inToken) {
      step(scan->query, matcher->token, scan->length);
      scan->inToken = 0;
    }
    return;
  }
  if (rule->kind == unknownChar) {
    scan->status = needsTokenizer;
    return;
  }
  if (!scan->inToken) {
    if (rule->kind != wordChar) return;
    scan->inToken = 1;
    scan->length = 0;
  }
  // Past FTS5's limit the rest of a token is not compared; keep a little over it.
  if (scan->length <= maxToken) {
    memcpy(matcher->token + scan->length, rule->bytes, rule->length);
    scan->length += rule->length;
  }
}

static void codePoint(Scan *scan, uint32_t code) {
  if (code >= 0x200000) {
    scan->status = needsTokenizer;
    return;
  }
  int rc = SQLITE_OK;
  const CharRule *rule = ruleFor(scan->matcher, code, &rc);
  if (!rule) {
    scan->status = rc;
    return;
  }
  character(scan, rule);
}

static void startScan(Scan *scan) {
  scan->length = 0;
  scan->inToken = 0;
  scan->inSequence = 0;
  scan->code = 0;
  scan->status = 0;
  startColumn(scan->query);
}

/// Reads one byte in the general way: a character of UTF-8 begun, continued or ended.
static void scanByte(Scan *scan, uint8_t byte) {
  if (scan->inSequence) {
    if ((byte & 0xC0) == 0x80) {
      scan->code = (scan->code << 6) + (byte & 0x3F);
      return;
    }
    scan->inSequence = 0;
    codePoint(scan, checkedCode(scan->code));
    if (scan->status != 0) return;
  }
  if (byte < 0x80) {
    character(scan, &scan->matcher->blocks[0][byte]);
  } else if (byte >= 0xC0) {
    scan->code = leadBits(byte);
    scan->inSequence = 1;
  } else {
    // A continuation byte on its own is read as the code point of its value.
    codePoint(scan, byte);
  }
}

/// Reads `size` more bytes of the column; a token or a UTF-8 sequence may go on in the
/// next ones. Between tokens, a token of ASCII that ends in ASCII is read where it is.
static void scanBytes(Scan *scan, const uint8_t *bytes, size_t size) {
  Matcher *matcher = scan->matcher;
  Query *query = scan->query;
  const uint8_t *word = matcher->asciiWord;
  size_t at = 0;
  while (at < size) {
    if (matcher->asciiFast && !scan->inToken && !scan->inSequence) {
      while (at < size && bytes[at] < 0x80 && !word[bytes[at]]) at++;
      if (at == size) return;
      if (bytes[at] < 0x80) {
        size_t end = at + 1;
        while (end < size && bytes[end] < 0x80 && word[bytes[end]]) end++;
        if (end < size && bytes[end] < 0x80) {
          size_t length = end - at;
          if ((query->lengths >> lengthBit(length > 63 ? 63 : (int)length)) & 1) {
            size_t kept = length < maxToken ? length : maxToken;
            for (size_t index = 0; index < kept; index++) {
              matcher->token[index] = matcher->asciiFold[bytes[at + index]];
            }
            step(query, matcher->token, (int)kept);
            if (query->remaining == 0) return;
          } else if (query->anyAlive) {
            startColumn(query);
          }
          // The separator after the token is read with it.
          at = end + 1;
          continue;
        }
      }
    }
    scanByte(scan, bytes[at++]);
    if (scan->status != 0 || query->remaining == 0) return;
  }
}

/// The column's end: the sequence and the token under way end with it.
static void endScan(Scan *scan) {
  if (scan->status != 0 || scan->query->remaining == 0) return;
  if (scan->inSequence) {
    scan->inSequence = 0;
    codePoint(scan, checkedCode(scan->code));
    if (scan->status != 0) return;
  }
  if (scan->inToken) {
    step(scan->query, scan->matcher->token, scan->length);
    scan->inToken = 0;
  }
}

static int tokenStep(void *context, int flags, const char *token, int length, int start,
                     int end) {
  (void)start;
  (void)end;
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
  step(context, (const uint8_t *)token, length);
  return SQLITE_OK;
}

/// Reads a whole column with the tokenizer itself.
static int scanWithTokenizer(Matcher *matcher, Query *query, const uint8_t *text, int size) {
  startColumn(query);
  return tokenize(matcher, text, size, query, tokenStep);
}

/// Reads a column held whole in memory.
static int scanText(Matcher *matcher, Query *query, const uint8_t *text, int size) {
  if (query->remaining == 0 || size <= 0) return SQLITE_OK;
  if (!matcher->perCharacter) return scanWithTokenizer(matcher, query, text, size);
  Scan scan = {.matcher = matcher, .query = query};
  startScan(&scan);
  scanBytes(&scan, text, (size_t)size);
  endScan(&scan);
  if (scan.status == needsTokenizer) return scanWithTokenizer(matcher, query, text, size);
  return scan.status;
}

// MARK: A stored document's text

static uint32_t littleEndian(const uint8_t *bytes) {
  return (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 |
         (uint32_t)bytes[3] << 24;
}

/// Inflates up to `want` more bytes of the document into `out`; how many came.
static uint32_t inflateMore(Matcher *matcher, uint8_t *out, uint32_t want) {
  z_stream *stream = &matcher->stream;
  stream->next_out = out;
  stream->avail_out = want;
  int rc = inflate(stream, Z_NO_FLUSH);
  if (rc != Z_OK && rc != Z_STREAM_END) return 0;
  return want - stream->avail_out;
}

/// Starts inflating `blob` and reads its header: 1 and the text's length in `*length`
/// when the document holds its text, 0 when the text is in the version's column (JSON
/// alone, or not a document that inflates), or an SQLite error code (negative).
static int openDocument(Matcher *matcher, const uint8_t *blob, int size, uint32_t *length) {
  if (size < 4) return 0;
  uint32_t payload = littleEndian(blob);
  if (payload >= (1u << 30) || payload < 5) return 0;
  z_stream *stream = &matcher->stream;
  if (!matcher->streamReady) {
    memset(stream, 0, sizeof *stream);
    if (inflateInit(stream) != Z_OK) return -SQLITE_NOMEM;
    matcher->streamReady = 1;
  } else if (inflateReset(stream) != Z_OK) {
    return 0;
  }
  stream->next_in = (Bytef *)(blob + 4);
  stream->avail_in = (uInt)(size - 4);
  uint8_t header[5];
  uint32_t read = 0;
  while (read < 5) {
    uint32_t more = inflateMore(matcher, header + read, 5 - read);
    if (more == 0) return 0;
    read += more;
  }
  // The first byte tells a document holding its text (1) from JSON alone (`{`).
  if (header[0] != 1) return 0;
  *length = littleEndian(header + 1);
  if ((uint64_t)*length + 5 > payload) return 0;
  return 1;
}

/// Takes back what a column's reading found (`found`: which phrases were found before).
static void restore(Query *query, const int *found) {
  query->remaining = 0;
  for (int p = 0; p < query->count; p++) {
    query->phrases[p].found = found[p];
    query->remaining += !found[p];
  }
}

/// Reads the text inside the document `blob`: 1 when it holds one (read, or found to
/// need the tokenizer: `*needsWhole`), 0 when the text is in the version's column, or an
/// SQLite error code (negative).
static int scanDocument(Matcher *matcher, Query *query, const uint8_t *blob, int size,
                        int *needsWhole) {
  uint32_t length = 0;
  int opened = openDocument(matcher, blob, size, &length);
  if (opened != 1) return opened;
  if (!matcher->perCharacter) {
    *needsWhole = 1;
    return 1;
  }
  int found[query->count > 0 ? query->count : 1];
  for (int p = 0; p < query->count; p++) found[p] = query->phrases[p].found;
  Scan scan = {.matcher = matcher, .query = query};
  startScan(&scan);
  uint32_t left = length;
  while (left > 0 && scan.status == 0 && query->remaining > 0) {
    uint32_t more = inflateMore(matcher, matcher->chunk, left < chunkSize ? left : chunkSize);
    if (more == 0) {
      // A document that does not inflate: its text is the column's, as `leggio_text`
      // reads it; what was found in the part read does not count.
      restore(query, found);
      return 0;
    }
    scanBytes(&scan, matcher->chunk, more);
    left -= more;
  }
  if (left == 0) endScan(&scan);
  if (scan.status == needsTokenizer) {
    restore(query, found);
    *needsWhole = 1;
    return 1;
  }
  return scan.status == 0 ? 1 : -scan.status;
}

/// Inflates the whole text of the document `blob` into `matcher->whole` and reads it
/// with the tokenizer; 0 when it does not inflate (the column's text is read then).
static int scanWholeDocument(Matcher *matcher, Query *query, const uint8_t *blob, int size) {
  uint32_t length = 0;
  int opened = openDocument(matcher, blob, size, &length);
  if (opened != 1) return opened;
  if (matcher->wholeCapacity < (size_t)length + 1) {
    uint8_t *whole = sqlite3_realloc64(matcher->whole, (sqlite3_uint64)length + 1);
    if (!whole) return -SQLITE_NOMEM;
    matcher->whole = whole;
    matcher->wholeCapacity = (size_t)length + 1;
  }
  uint32_t read = 0;
  while (read < length) {
    uint32_t more = inflateMore(matcher, matcher->whole + read, length - read);
    if (more == 0) return 0;
    read += more;
  }
  int rc = scanWithTokenizer(matcher, query, matcher->whole, (int)length);
  return rc == SQLITE_OK ? 1 : -rc;
}

/// Reads the text of a document of up to `wholeLimit` bytes inflated whole by libdeflate,
/// as `StoredDocument` inflates it: 1 when it holds its text, 0 when the text is in the
/// version's column (or the document does not inflate), 2 when libdeflate is not there or
/// the document is larger (zlib then reads it), or an SQLite error code (negative).
static int scanInflated(Matcher *matcher, Query *query, const uint8_t *blob, int size) {
  if (size < 4) return 0;
  uint32_t payload = littleEndian(blob);
  if (payload > wholeLimit || payload < 5 || !leggio_deflate_available()) return 2;
  if (matcher->wholeCapacity < payload) {
    uint8_t *whole = sqlite3_realloc64(matcher->whole, wholeLimit);
    if (!whole) return -SQLITE_NOMEM;
    matcher->whole = whole;
    matcher->wholeCapacity = wholeLimit;
  }
  // One that does not inflate to its stated length, checksum and all, fails in zlib too:
  // `leggio_text` then reads the column.
  if (leggio_deflate_zlib_decompress(blob + 4, (size_t)size - 4, matcher->whole, payload) != 0) {
    return 0;
  }
  if (matcher->whole[0] != 1) return 0;
  uint32_t length = littleEndian(matcher->whole + 1);
  if ((uint64_t)length + 5 > payload) return 0;
  int rc = scanText(matcher, query, matcher->whole + 5, (int)length);
  return rc == SQLITE_OK ? 1 : -rc;
}

/// The error of a zstd document that cannot be read (`scanZstd`).
static const char *zstdError(int status) {
  switch (status) {
    case LEGGIO_ZSTD_UNAVAILABLE:
      return "a document is compressed with zstd, and libzstd (libzstd1) could not be loaded";
    case LEGGIO_ZSTD_MISSING_DICTIONARY:
      return "a document names a compression dictionary the library does not have";
    default:
      return "a document compressed with zstd is damaged";
  }
}

/// Reads the text of a document stored as a zstd frame (`StoredDocument`), decompressed
/// whole: 1 when it holds its text, 0 when the text is in the version's column, an SQLite
/// error code (negative), or 3 with `*error` set when the frame cannot be read. A frame
/// naming a dictionary not met yet (trained by another process since) sends it to the
/// library's table once.
static int scanZstd(sqlite3_context *context, Matcher *matcher, Query *query,
                    const uint8_t *blob, int size, const char **error) {
  uint32_t payload = littleEndian(blob);
  if (payload >= (1u << 30) || payload < 1) return 0;
  if (matcher->wholeCapacity < payload) {
    size_t capacity = payload > wholeLimit ? payload : wholeLimit;
    uint8_t *whole = sqlite3_realloc64(matcher->whole, capacity);
    if (!whole) return -SQLITE_NOMEM;
    matcher->whole = whole;
    matcher->wholeCapacity = capacity;
  }
  int status = leggio_zstd_decompress(blob + 4, (size_t)size - 4, matcher->whole, payload);
  if (status == LEGGIO_ZSTD_MISSING_DICTIONARY &&
      leggio_learn_document_dictionaries(sqlite3_context_db_handle(context)) > 0) {
    status = leggio_zstd_decompress(blob + 4, (size_t)size - 4, matcher->whole, payload);
  }
  if (status != 0) {
    *error = zstdError(status);
    return 3;
  }
  if (matcher->whole[0] != 1 || payload < 5) return 0;
  uint32_t length = littleEndian(matcher->whole + 1);
  if ((uint64_t)length + 5 > payload) return 0;
  int rc = scanText(matcher, query, matcher->whole + 5, (int)length);
  return rc == SQLITE_OK ? 1 : -rc;
}

// MARK: The SQL function

static void phraseFunction(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  Matcher *matcher = sqlite3_user_data(context);
  Query *query = sqlite3_get_auxdata(context, 0);
  int compiled = 0;
  if (!query) {
    const uint8_t *match = sqlite3_value_text(argv[0]);
    int rc = compile(matcher, match ? match : (const uint8_t *)"",
                     sqlite3_value_bytes(argv[0]), &query);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(context, rc);
      return;
    }
    compiled = 1;
  }
  query->remaining = query->count;
  for (int p = 0; p < query->count; p++) query->phrases[p].found = 0;
  int rc = SQLITE_OK;
  for (int column = 1; column <= 2 && rc == SQLITE_OK; column++) {
    const uint8_t *text = sqlite3_value_text(argv[column]);
    rc = scanText(matcher, query, text, sqlite3_value_bytes(argv[column]));
  }
  if (rc == SQLITE_OK && query->remaining > 0) {
    int fromDocument = 0;
    if (sqlite3_value_type(argv[3]) == SQLITE_BLOB) {
      const uint8_t *blob = sqlite3_value_blob(argv[3]);
      int size = sqlite3_value_bytes(argv[3]);
      int needsWhole = 0;
      const char *error = 0;
      if (size >= 8 && leggio_zstd_is_frame(blob + 4, (size_t)size - 4)) {
        fromDocument = scanZstd(context, matcher, query, blob, size, &error);
        if (fromDocument == 3) {
          sqlite3_result_error(context, error, -1);
          if (compiled) sqlite3_set_auxdata(context, 0, query, freeQuery);
          return;
        }
      } else {
        fromDocument = scanInflated(matcher, query, blob, size);
      }
      if (fromDocument == 2) fromDocument = scanDocument(matcher, query, blob, size, &needsWhole);
      if (fromDocument == 1 && needsWhole) {
        fromDocument = scanWholeDocument(matcher, query, blob, size);
      }
      if (fromDocument < 0) rc = -fromDocument;
    }
    if (rc == SQLITE_OK && fromDocument == 0) {
      const uint8_t *text = sqlite3_value_text(argv[4]);
      rc = scanText(matcher, query, text, sqlite3_value_bytes(argv[4]));
    }
  }
  if (rc == SQLITE_OK) {
    sqlite3_result_int(context, query->remaining == 0);
  } else {
    sqlite3_result_error_code(context, rc);
  }
  // Kept with the statement for its next rows (freed at once when it cannot be).
  if (compiled) sqlite3_set_auxdata(context, 0, query, freeQuery);
}

// MARK: Registration

static void freeMatcher(void *pointer) {
  Matcher *matcher = pointer;
  if (!matcher) return;
  if (matcher->instance) matcher->tokenizer.xDelete(matcher->instance);
  for (int block = 0; block < blockCount; block++) sqlite3_free(matcher->blocks[block]);
  if (matcher->streamReady) inflateEnd(&matcher->stream);
  sqlite3_free(matcher->chunk);
  sqlite3_free(matcher->token);
  sqlite3_free(matcher->whole);
  sqlite3_free(matcher);
}

int leggio_phrase_register(void *db, const char *tokenizer) {
  fts5_api *fts5 = leggio_fts5_api((sqlite3 *)db);
  if (!fts5) return SQLITE_ERROR;
  // The tokenizer's name and arguments, as words.
  char spec[256];
  size_t specLength = strlen(tokenizer);
  if (specLength >= sizeof spec) return SQLITE_ERROR;
  memcpy(spec, tokenizer, specLength + 1);
  const char *words[16];
  int count = 0;
  char *rest = 0;
  for (char *word = strtok_r(spec, " ", &rest); word && count < 16;
       word = strtok_r(0, " ", &rest)) {
    words[count++] = word;
  }
  if (count == 0) return SQLITE_ERROR;
  Matcher *matcher = sqlite3_malloc(sizeof(Matcher));
  if (!matcher) return SQLITE_NOMEM;
  memset(matcher, 0, sizeof(Matcher));
  void *userData = 0;
  int rc = fts5->xFindTokenizer(fts5, words[0], &userData, &matcher->tokenizer);
  if (rc == SQLITE_OK) {
    rc = matcher->tokenizer.xCreate(userData, words + 1, count - 1, &matcher->instance);
  }
  matcher->perCharacter = strcmp(words[0], "unicode61") == 0 || strcmp(words[0], "ascii") == 0;
  matcher->chunk = sqlite3_malloc(chunkSize);
  matcher->token = sqlite3_malloc(maxToken + 8);
  if (rc == SQLITE_OK && (!matcher->chunk || !matcher->token)) rc = SQLITE_NOMEM;
  // The ASCII block, read for every byte below 0x80.
  int learned = SQLITE_OK;
  if (rc == SQLITE_OK && !ruleFor(matcher, 0, &learned)) rc = learned;
  if (rc == SQLITE_OK && matcher->perCharacter) {
    matcher->asciiFast = 1;
    for (int byte = 0; byte < 128; byte++) {
      const CharRule *rule = &matcher->blocks[0][byte];
      matcher->asciiWord[byte] = rule->kind == wordChar;
      matcher->asciiFold[byte] = rule->bytes[0];
      if (rule->kind != separator && !(rule->kind == wordChar && rule->length == 1)) {
        matcher->asciiFast = 0;
      }
    }
  }
  if (rc != SQLITE_OK) {
    freeMatcher(matcher);
    return rc;
  }
  return sqlite3_create_function_v2((sqlite3 *)db, "leggio_phrase", 5,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC, matcher, phraseFunction,
                                    0, 0, freeMatcher);
}
