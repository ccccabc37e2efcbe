// A line's next block for the kernels, compiled once per vector width (see SimpleLineKernel.h).
// Not a public header.

// The block of text[position..<position + WIDTH], with the lanes past `end` (the line's end) set
// to `pad`: read whole from the text when it holds WIDTH bytes there (`count` is its length),
// else copied into a padded buffer.
static inline KERNEL_TARGET VEC KERNEL(load_block)(const uint8_t *text, size_t position, size_t end, size_t count,
                                                   char pad) {
    size_t available = end - position;
    if (available >= WIDTH) return V_LOADU(text + position);
    if (position + WIDTH <= count) {
        VEC inside = V_LOADU(tail_mask + 32 - available);
        return V_OR(V_AND(inside, V_LOADU(text + position)), V_ANDNOT(inside, V_SET1(pad)));
    }
    uint8_t padded[WIDTH];
    memset(padded, (unsigned char)pad, sizeof padded);
    memcpy(padded, text + position, available);
    return V_LOADU(padded);
}
