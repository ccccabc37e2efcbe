// System ICU for the C shim only. Swift never imports this module (see DESIGN.md).
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/uscript.h>
