/*
 * user/bench/nop.c - the small program the exec row runs: musl's start-up, then exit 0.
 */
int main(void)
{
	return 0;
}
