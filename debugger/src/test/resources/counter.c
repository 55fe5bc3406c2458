/* A global counter bumped in a loop: the watchpoint test's target. */
volatile int counter;

__attribute__((noinline)) void bump(int by) {
    counter += by;
}

int main(void) {
    for (int i = 0; i < 3; i++) {
        bump(i + 1);
    }
    return counter == 6 ? 0 : 1;
}

__attribute__((export_name("counter_address"))) volatile int *counter_address(void) {
    return &counter;
}
