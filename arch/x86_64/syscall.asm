; arch/x86_64/syscall.asm - the `syscall` instruction's entry (Intel SDM Vol. 2B
; SYSCALL; Linux: entry_SYSCALL_64).
;
; The CPU jumps here in ring 0 with RCX = user RIP, R11 = user RFLAGS, RSP
; still the user's and IF cleared (IA32_FMASK). We switch to the process's
; kernel stack and build the same struct trap_frame an interrupt builds, so
; every kernel path (fork, execve, signals, the scheduler) sees one layout.
; Single CPU: the user RSP is parked in a global, not in per-CPU GS space.

%include "trap_frame.inc"
%include "extable.inc"

bits 64
section .text
extern syscall_dispatch
extern syscall_kernel_rsp
extern bad_iret
global syscall_entry

%define USER_CS (0x20 | 3)
%define USER_DS (0x18 | 3)
%define SYSCALL_VECTOR 0x100     ; not a CPU vector: marks a syscall frame

syscall_entry:
	mov [rel syscall_user_rsp], rsp
	mov rsp, [rel syscall_kernel_rsp]
	push USER_DS                     ; ss
	push qword [rel syscall_user_rsp] ; rsp
	push r11                         ; rflags
	push USER_CS                     ; cs
	push rcx                         ; rip
	push rax                         ; error code slot: the syscall number (Linux's orig_ax)
	push SYSCALL_VECTOR
	TRAP_FRAME_PUSH_REGS
	TRAP_FRAME_CALL syscall_dispatch ; returns with IF=0, ready to leave
	TRAP_FRAME_POP_REGS
	; sysret reloads RIP from RCX and RFLAGS from R11, so it can only return
	; to a frame whose RCX/R11 hold exactly those (an untouched syscall frame;
	; execve and rt_sigreturn rewrite it), and it faults in ring 0 on a
	; non-canonical RIP. Everything else leaves through iretq (Linux does the same).
	cmp rcx, [rsp]                   ; rcx == rip?
	jne .iret
	cmp r11, [rsp + 16]              ; r11 == rflags?
	jne .iret
	cmp rcx, [rel user_rip_max]      ; canonical user RIP? (no register is free here)
	ja .iret
	mov rsp, [rsp + 24]              ; user rsp
	o64 sysret
.iret:
global syscall_return_iretq
syscall_return_iretq:
	iretq
EXTABLE_ENTRY syscall_return_iretq, bad_iret

section .rodata
user_rip_max: dq 0x00007fffffffffff  ; the top of the lower canonical half

section .bss
syscall_user_rsp: resq 1

section .note.GNU-stack noalloc noexec nowrite progbits
