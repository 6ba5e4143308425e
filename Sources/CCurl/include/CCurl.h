#ifndef LEGGIO_CCURL_H
#define LEGGIO_CCURL_H
// libcurl, loaded with dlopen the first time Leggio fetches something. Linking it (or
// FoundationNetworking, which links it) would make every run of `leggio` load some forty
// shared libraries, which costs more than laying out a whole novel. The option and info
// numbers below are libcurl's stable ABI (curl.h); no curl headers are needed to build.
#include <stddef.h>
#include <stdint.h>

typedef size_t (*leggio_curl_data_callback)(char *data, size_t size, size_t count,
                                            void *context);
typedef int (*leggio_curl_progress_callback)(void *context, int64_t download_total,
                                             int64_t downloaded, int64_t upload_total,
                                             int64_t uploaded);

enum {
  LEGGIO_CURLOPT_WRITEDATA = 10001,
  LEGGIO_CURLOPT_URL = 10002,
  LEGGIO_CURLOPT_ERRORBUFFER = 10010,
  LEGGIO_CURLOPT_WRITEFUNCTION = 20011,
  LEGGIO_CURLOPT_HTTPHEADER = 10023,
  LEGGIO_CURLOPT_HEADERDATA = 10029,
  LEGGIO_CURLOPT_NOPROGRESS = 43,
  LEGGIO_CURLOPT_FOLLOWLOCATION = 52,
  LEGGIO_CURLOPT_XFERINFODATA = 10057,
  LEGGIO_CURLOPT_HEADERFUNCTION = 20079,
  LEGGIO_CURLOPT_NOSIGNAL = 99,
  LEGGIO_CURLOPT_ACCEPT_ENCODING = 10102,
  LEGGIO_CURLOPT_TIMEOUT_MS = 155,
  LEGGIO_CURLOPT_CONNECTTIMEOUT_MS = 156,
  LEGGIO_CURLOPT_PROTOCOLS = 181,
  LEGGIO_CURLOPT_XFERINFOFUNCTION = 20219,
};

enum {
  LEGGIO_CURLINFO_RESPONSE_CODE = 0x200000 + 2,
  LEGGIO_CURLINFO_REDIRECT_URL = 0x100000 + 31,
};

enum {
  LEGGIO_CURLPROTO_HTTP = 1 << 0,
  LEGGIO_CURLPROTO_HTTPS = 1 << 1,
};

enum {
  LEGGIO_CURLE_OK = 0,
  LEGGIO_CURLE_UNSUPPORTED_PROTOCOL = 1,
  LEGGIO_CURLE_COULDNT_RESOLVE_PROXY = 5,
  LEGGIO_CURLE_COULDNT_RESOLVE_HOST = 6,
  LEGGIO_CURLE_COULDNT_CONNECT = 7,
  LEGGIO_CURLE_WRITE_ERROR = 23,
  LEGGIO_CURLE_OPERATION_TIMEDOUT = 28,
  LEGGIO_CURLE_SSL_CONNECT_ERROR = 35,
  LEGGIO_CURLE_ABORTED_BY_CALLBACK = 42,
  LEGGIO_CURLE_GOT_NOTHING = 52,
  LEGGIO_CURLE_SEND_ERROR = 55,
  LEGGIO_CURLE_RECV_ERROR = 56,
  LEGGIO_CURLE_SSL_CERTPROBLEM = 58,
  LEGGIO_CURLE_PEER_FAILED_VERIFICATION = 60,
  LEGGIO_CURLE_BAD_CONTENT_ENCODING = 61,
  LEGGIO_CURLE_SSL_CACERT_BADFILE = 77,
};

/// Loads libcurl once (later calls return the first outcome). 0 on success; otherwise
/// writes why into `message`.
int leggio_curl_load(char *message, size_t capacity);

void *leggio_curl_easy_init(void);
void leggio_curl_easy_cleanup(void *handle);
int leggio_curl_easy_perform(void *handle);
int leggio_curl_setopt_long(void *handle, int option, long value);
int leggio_curl_setopt_pointer(void *handle, int option, const void *value);
int leggio_curl_setopt_data_callback(void *handle, int option, leggio_curl_data_callback callback);
int leggio_curl_setopt_progress_callback(void *handle, int option,
                                         leggio_curl_progress_callback callback);
int leggio_curl_getinfo_long(void *handle, int info, long *value);
int leggio_curl_getinfo_string(void *handle, int info, const char **value);
const char *leggio_curl_strerror(int code);
void *leggio_curl_slist_append(void *list, const char *line);
void leggio_curl_slist_free_all(void *list);

#endif
