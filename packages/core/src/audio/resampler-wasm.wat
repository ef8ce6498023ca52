;; The polyphase resampler's inner loops in WebAssembly SIMD (f32x4). Source of resampler-wasm-bytes.ts: after an
;; edit, run `node scripts/build-resampler-wasm.mjs` (pnpm test:all runs it with --check).
;;
;; Addresses are in bytes. The caller keeps the kernel table, the input history and the output area in the exported
;; memory; a call computes `count` outputs, output k reading the taps at input + 4·(its whole position) with the
;; table row of its phase, exactly as the JavaScript kernel (create-resampler.ts) does, but summing in float32.
(module
  (memory (export "memory") 1)

  ;; Σ row[i] · input[i] for i < taps: four vector sums of 16 samples a round (independent, so the adds overlap),
  ;; then a vector round of 4 at a time, then the last 0..3 taps one by one.
  (func $dot (param $row i32) (param $input i32) (param $taps i32) (result f32)
    (local $i i32) (local $end i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $sum f32)
    (local.set $end (i32.shl (i32.and (local.get $taps) (i32.const -16)) (i32.const 2)))
    (block $done16
      (loop $round16
        (br_if $done16 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $a (f32x4.add (local.get $a) (f32x4.mul
          (v128.load (i32.add (local.get $row) (local.get $i)))
          (v128.load (i32.add (local.get $input) (local.get $i))))))
        (local.set $b (f32x4.add (local.get $b) (f32x4.mul
          (v128.load offset=16 (i32.add (local.get $row) (local.get $i)))
          (v128.load offset=16 (i32.add (local.get $input) (local.get $i))))))
        (local.set $c (f32x4.add (local.get $c) (f32x4.mul
          (v128.load offset=32 (i32.add (local.get $row) (local.get $i)))
          (v128.load offset=32 (i32.add (local.get $input) (local.get $i))))))
        (local.set $d (f32x4.add (local.get $d) (f32x4.mul
          (v128.load offset=48 (i32.add (local.get $row) (local.get $i)))
          (v128.load offset=48 (i32.add (local.get $input) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 64)))
        (br $round16)))
    (local.set $end (i32.shl (i32.and (local.get $taps) (i32.const -4)) (i32.const 2)))
    (block $done4
      (loop $round4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $a (f32x4.add (local.get $a) (f32x4.mul
          (v128.load (i32.add (local.get $row) (local.get $i)))
          (v128.load (i32.add (local.get $input) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $round4)))
    (local.set $a (f32x4.add (f32x4.add (local.get $a) (local.get $b)) (f32x4.add (local.get $c) (local.get $d))))
    (local.set $sum (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
      (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))
    (local.set $end (i32.shl (local.get $taps) (i32.const 2)))
    (block $done1
      (loop $round1
        (br_if $done1 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $sum (f32.add (local.get $sum) (f32.mul
          (f32.load (i32.add (local.get $row) (local.get $i)))
          (f32.load (i32.add (local.get $input) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $round1)))
    (local.get $sum))

  ;; One table row per phase (phases ≤ 1024). Output k+1 sits `whole` samples and `fraction` phases after output k.
  ;; The hot path (44.1 and 48 kHz → 16 kHz), so $dot's loops are written out here, summing in the same order:
  ;; a call per output cost a quarter of the time on Node 20 (V8 11 does not inline wasm calls).
  (func (export "exact")
    (param $table i32) (param $taps i32) (param $input i32) (param $phase i32) (param $phases i32)
    (param $whole i32) (param $fraction i32) (param $output i32) (param $count i32)
    (local $end i32) (local $rowBytes i32) (local $wholeBytes i32) (local $bytes16 i32) (local $bytes4 i32)
    (local $row i32) (local $at i32) (local $stop i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $sum f32)
    (local.set $rowBytes (i32.shl (local.get $taps) (i32.const 2)))
    (local.set $bytes16 (i32.shl (i32.and (local.get $taps) (i32.const -16)) (i32.const 2)))
    (local.set $bytes4 (i32.shl (i32.and (local.get $taps) (i32.const -4)) (i32.const 2)))
    (local.set $wholeBytes (i32.shl (local.get $whole) (i32.const 2)))
    (local.set $end (i32.add (local.get $output) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $output) (local.get $end)))
        (local.set $row (i32.add (local.get $table) (i32.mul (local.get $phase) (local.get $rowBytes))))
        (local.set $at (local.get $input))
        (local.set $a (v128.const i32x4 0 0 0 0))
        (local.set $b (v128.const i32x4 0 0 0 0))
        (local.set $c (v128.const i32x4 0 0 0 0))
        (local.set $d (v128.const i32x4 0 0 0 0))
        (if (local.get $bytes16)
          (then
            (local.set $stop (i32.add (local.get $row) (local.get $bytes16)))
            (loop $round16
              (local.set $a (f32x4.add (local.get $a) (f32x4.mul (v128.load (local.get $row)) (v128.load (local.get $at)))))
              (local.set $b (f32x4.add (local.get $b) (f32x4.mul (v128.load offset=16 (local.get $row)) (v128.load offset=16 (local.get $at)))))
              (local.set $c (f32x4.add (local.get $c) (f32x4.mul (v128.load offset=32 (local.get $row)) (v128.load offset=32 (local.get $at)))))
              (local.set $d (f32x4.add (local.get $d) (f32x4.mul (v128.load offset=48 (local.get $row)) (v128.load offset=48 (local.get $at)))))
              (local.set $row (i32.add (local.get $row) (i32.const 64)))
              (local.set $at (i32.add (local.get $at) (i32.const 64)))
              (br_if $round16 (i32.lt_u (local.get $row) (local.get $stop))))))
        (local.set $stop (i32.add (local.get $row) (i32.sub (local.get $bytes4) (local.get $bytes16))))
        (block $done4
          (loop $round4
            (br_if $done4 (i32.ge_u (local.get $row) (local.get $stop)))
            (local.set $a (f32x4.add (local.get $a) (f32x4.mul (v128.load (local.get $row)) (v128.load (local.get $at)))))
            (local.set $row (i32.add (local.get $row) (i32.const 16)))
            (local.set $at (i32.add (local.get $at) (i32.const 16)))
            (br $round4)))
        (local.set $a (f32x4.add (f32x4.add (local.get $a) (local.get $b)) (f32x4.add (local.get $c) (local.get $d))))
        (local.set $sum (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
          (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))
        (local.set $stop (i32.add (local.get $row) (i32.sub (local.get $rowBytes) (local.get $bytes4))))
        (block $done1
          (loop $round1
            (br_if $done1 (i32.ge_u (local.get $row) (local.get $stop)))
            (local.set $sum (f32.add (local.get $sum) (f32.mul (f32.load (local.get $row)) (f32.load (local.get $at)))))
            (local.set $row (i32.add (local.get $row) (i32.const 4)))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $round1)))
        (f32.store (local.get $output) (local.get $sum))
        (local.set $output (i32.add (local.get $output) (i32.const 4)))
        (local.set $input (i32.add (local.get $input) (local.get $wholeBytes)))
        (local.set $phase (i32.add (local.get $phase) (local.get $fraction)))
        (if (i32.ge_u (local.get $phase) (local.get $phases))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $phases)))
            (local.set $input (i32.add (local.get $input) (i32.const 4)))))
        (br $next))))

  ;; A fixed table of rows for fractions r / (rows − 1), interpolated linearly at phase · scale (in float64, as in
  ;; JavaScript), for rate pairs with more phases than the table has rows.
  (func (export "interpolated")
    (param $table i32) (param $taps i32) (param $input i32) (param $phase i32) (param $phases i32)
    (param $whole i32) (param $fraction i32) (param $output i32) (param $count i32) (param $scale f64)
    (local $end i32) (local $rowBytes i32) (local $wholeBytes i32) (local $row i32) (local $rowAddress i32)
    (local $where f64) (local $weight f64) (local $a f64)
    (local.set $rowBytes (i32.shl (local.get $taps) (i32.const 2)))
    (local.set $wholeBytes (i32.shl (local.get $whole) (i32.const 2)))
    (local.set $end (i32.add (local.get $output) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $output) (local.get $end)))
        (local.set $where (f64.mul (f64.convert_i32_u (local.get $phase)) (local.get $scale)))
        (local.set $row (i32.trunc_f64_u (f64.floor (local.get $where))))
        (local.set $weight (f64.sub (local.get $where) (f64.convert_i32_u (local.get $row))))
        (local.set $rowAddress (i32.add (local.get $table) (i32.mul (local.get $row) (local.get $rowBytes))))
        (local.set $a (f64.promote_f32 (call $dot (local.get $rowAddress) (local.get $input) (local.get $taps))))
        (if (f64.ne (local.get $weight) (f64.const 0))
          (then
            (local.set $a (f64.add (local.get $a) (f64.mul (local.get $weight) (f64.sub
              (f64.promote_f32 (call $dot (i32.add (local.get $rowAddress) (local.get $rowBytes)) (local.get $input) (local.get $taps)))
              (local.get $a)))))))
        (f32.store (local.get $output) (f32.demote_f64 (local.get $a)))
        (local.set $output (i32.add (local.get $output) (i32.const 4)))
        (local.set $input (i32.add (local.get $input) (local.get $wholeBytes)))
        (local.set $phase (i32.add (local.get $phase) (local.get $fraction)))
        (if (i32.ge_u (local.get $phase) (local.get $phases))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $phases)))
            (local.set $input (i32.add (local.get $input) (i32.const 4)))))
        (br $next))))

  ;; target[i] = (target[i] + other[i]) · 0.5 for i < count: the stereo downmix into the history, rounded exactly as
  ;; downmixToMono rounds it (the float32 sum, halved exactly).
  (func (export "mixPair") (param $target i32) (param $other i32) (param $count i32)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2)))
    (block $done4
      (loop $round4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $target) (local.get $i)) (f32x4.mul
          (f32x4.add
            (v128.load (i32.add (local.get $target) (local.get $i)))
            (v128.load (i32.add (local.get $other) (local.get $i))))
          (v128.const f32x4 0.5 0.5 0.5 0.5)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $round4)))
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $done1
      (loop $round1
        (br_if $done1 (i32.ge_u (local.get $i) (local.get $end)))
        (f32.store (i32.add (local.get $target) (local.get $i)) (f32.mul
          (f32.add
            (f32.load (i32.add (local.get $target) (local.get $i)))
            (f32.load (i32.add (local.get $other) (local.get $i))))
          (f32.const 0.5)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $round1)))))
