; arch/x86_64/entry.asm - the first kernel instruction.
;
; The loader jumps here in 64-bit mode, interrupts off, on its bootstrap page
; tables (identity + direct map + kernel at -2 GiB), with RDI = physical address
; of struct boot_info (boot/boot_info.h). We only switch to the kernel's own boot
; stack and call C; kernel_main never returns.

bits 64
section .text.entry
global _start:function (_start.end - _start)
extern kernel_main
extern __boot_stack_top

_start:
	cli
	lea rsp, [rel __boot_stack_top]
	xor ebp, ebp            ; end of the frame-pointer chain for backtraces
	push rbp                ; fake return address 0: gdb and our backtrace stop here
	call kernel_main        ; kernel_main(uint64_t boot_info_phys)
.hang:
	cli
	hlt
	jmp .hang
.end:

section .note.GNU-stack noalloc noexec nowrite progbits
