// libxml2's push parser with the SAX2 callbacks, for reading the XML parts of a workbook.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy Foundation ships; nothing here converts
// encodings through ICU, and no structure read from Swift changes with it (the encoding handler is reached only
// through pointers).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
