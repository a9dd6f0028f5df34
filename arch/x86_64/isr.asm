; arch/x86_64/isr.asm - one entry stub per IDT vector (0..255) and the common path.
;
; Each stub makes the stack look the same (struct trap_frame, trap_frame.h):
; vectors where the CPU pushes no error code get a 0 (SDM Vol. 3A 6.13), then
; the vector number; the common path pushes the general registers and calls
; trap_dispatch(frame) (trap_frame.inc).

%include "trap_frame.inc"
%include "extable.inc"

bits 64
section .text
extern trap_dispatch
extern bad_iret
global isr_stub_table

%macro ISR_NOERR 1
isr%1:
	push 0
	push %1
	jmp isr_common
%endmacro

%macro ISR_ERR 1
isr%1:
	push %1
	jmp isr_common
%endmacro

; Vectors with a CPU error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13, #PF 14, #AC 17, #CP 21, #VC 29, #SX 30.
%assign v 0
%rep 256
%if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
	ISR_ERR v
%else
	ISR_NOERR v
%endif
%assign v v+1
%endrep

isr_common:
	cld
	TRAP_FRAME_PUSH_REGS
	TRAP_FRAME_CALL trap_dispatch
; trap_return: pop a struct trap_frame at RSP and iretq. Also where a new
; process first enters user mode (ret_from_fork in switch.asm jumps here).
; Its iretq, like syscall.asm's, has an exception-table entry (bad_iret.asm).
global trap_return, trap_return_iretq
trap_return:
	TRAP_FRAME_POP_REGS
trap_return_iretq:
	iretq
EXTABLE_ENTRY trap_return_iretq, bad_iret

section .rodata
align 8
isr_stub_table:                 ; isr_stub_table[v] = address of the stub for vector v
%assign v 0
%rep 256
	dq isr %+ v
%assign v v+1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
