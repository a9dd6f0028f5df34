; arch/x86_64/switch.asm - the context switch (Linux: __switch_to_asm).
;
; switch_to(&prev->saved_rsp, next->saved_rsp): save the callee-saved
; registers (System V: rbx, rbp, r12-r15) on prev's kernel stack, park its
; RSP, load next's RSP and pop next's registers. The `ret` then continues
; wherever next last called switch_to, or, for a new process, at the address
; process setup placed there (ret_from_fork / kthread_start).

bits 64
section .text
global switch_to
global ret_from_fork
global kthread_start
extern trap_return
extern schedule_tail
extern kthread_exit

switch_to:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, rsi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

; A forked child's first instructions: its kernel stack holds, right above
; here, a copy of the parent's trap frame (with RAX = 0): leave through it.
ret_from_fork:
	mov rdi, rsp                 ; the trap frame (16-byte aligned: the top of the stack less 22 quadwords)
	call schedule_tail
	jmp trap_return

; A kernel thread's first instructions: process setup put fn in RBX, arg in R12.
kthread_start:
	sti
	mov rdi, r12
	call rbx
	call kthread_exit        ; never returns

section .note.GNU-stack noalloc noexec nowrite progbits
