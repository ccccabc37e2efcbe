// The body of the key-counts kernel, compiled once per vector width (see SimpleLineKernel.h).
// Not a public header.

// Spaces, Arabic lead bytes (D8...DB) and UTF-8 continuation bytes of text[start..<end].
static KERNEL_TARGET void KERNEL(key_counts)(const uint8_t *text, size_t count, size_t start, size_t end,
                                             nazif_key_counts *counts) {
    counts->spaces = counts->arabicLeads = counts->continuations = 0;
    if (end > count || start >= end) return;
    VEC spaces = V_ZERO(), leads = V_ZERO(), continuations = V_ZERO();
    int blocksInLanes = 0;
    size_t position = start;
    while (position < end) {
        // The tail padded with zeros: they count as none of the three.
        VEC block = KERNEL(load_block)(text, position, end, count, 0);
        spaces = V_SUB(spaces, V_EQ(block, V_SET1(0x20)));
        leads = V_SUB(leads, V_EQ(V_AND(block, V_SET1((char)0xFC)), V_SET1((char)0xD8)));
        continuations = V_SUB(continuations, V_EQ(V_AND(block, V_SET1((char)0xC0)), V_SET1((char)0x80)));
        if (++blocksInLanes == 255) {
            counts->spaces += V_LANE_SUM(spaces);
            counts->arabicLeads += V_LANE_SUM(leads);
            counts->continuations += V_LANE_SUM(continuations);
            spaces = leads = continuations = V_ZERO();
            blocksInLanes = 0;
        }
        position += WIDTH;
    }
    counts->spaces += V_LANE_SUM(spaces);
    counts->arabicLeads += V_LANE_SUM(leads);
    counts->continuations += V_LANE_SUM(continuations);
}
