#ifndef CLAIMS_CLIBXML2_SHIM_H
#define CLAIMS_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// A parse of hostile HTML may report thousands of errors. HTML_PARSE_NOERROR clears the plain
// error callback, but libxml2 2.9 then falls back to its generic handler (stderr) on some paths;
// a structured handler on the context's SAX block takes precedence over both, so nothing is ever
// printed whatever the input.
static void claims_xml_ignore_error(void *context, xmlErrorPtr error) {
  (void)context;
  (void)error;
}

/// A new HTML parser context that reports no errors anywhere, or NULL when out of memory.
static inline htmlParserCtxtPtr claims_html_new_silent_context(void) {
  htmlParserCtxtPtr context = htmlNewParserCtxt();
  if (context != NULL && context->sax != NULL) {
    context->sax->serror = claims_xml_ignore_error;
    context->sax->error = NULL;
    context->sax->warning = NULL;
  }
  return context;
}

#endif
