# Thin wrapper over CMake. `make run` and `make test` are the two commands of the README.
BUILD ?= build
SAN_BUILD ?= build-sanitize
DB ?= data/lm.meninx
JOBS ?= $(shell nproc)

.PHONY: run test setup build seed sanitize-test bench clean format

run: seed
	$(BUILD)/shell/meninx $(DB)

test: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMENINX_SANITIZE=ON
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

setup:
	./scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

seed: build
	./scripts/seed.sh $(BUILD) $(DB)

bench: build
	cmake --build $(BUILD) --target benchmarks
	./scripts/bench.sh $(BUILD)

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
